namespace Sim.Explorer.Search;

/// <summary>
/// NSGA-II (Deb, Pratap, Agarwal, Meyarivan, IEEE TEVC 6(2), 2002) as an ask/tell strategy over genes in [0, 1)^n.
/// First ask: a random initial population. Every later ask: a population's worth of offspring made by binary tournament
/// on (rank, crowding distance), SBX crossover and polynomial mutation; after their costs are told, parents and
/// offspring are merged and the best <c>Population</c> by (rank, crowding) survive. Deterministic for a seed.
/// Costs of a decoded design that was already evaluated can be told again at no cost to the caller (a cache).
/// </summary>
public sealed class Nsga2 : IAskTellStrategy
{
    private readonly int _genes;
    private readonly Nsga2Options _options;
    private readonly Random _random;
    private readonly double _mutationProbability;
    private List<Member> _population = [];
    private List<double[]>? _asked;
    private int _generationsTold;

    public Nsga2(int genes, Nsga2Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(genes, 1);
        options.Validate();
        _genes = genes;
        _options = options;
        _random = new Random(options.Seed);
        _mutationProbability = options.MutationProbability ?? 1.0 / genes;
    }

    /// <summary>Generations whose costs were told, the initial population counting as generation 0.</summary>
    public int GenerationsTold => _generationsTold;

    /// <summary>Done after the initial population plus <see cref="Nsga2Options.Generations"/> offspring generations.</summary>
    public bool IsDone => _generationsTold > _options.Generations;

    /// <summary>The current population's genes and costs, best rank first (for reports).</summary>
    public IReadOnlyList<(double[] Genes, double[]? Costs)> Population => _population.Select(m => (m.Genes, m.Costs)).ToList();

    public IReadOnlyList<double[]> Ask()
    {
        if (_asked is not null)
            throw new InvalidOperationException("Tell the costs of the last batch before asking for another");
        if (IsDone)
            return [];
        _asked = _population.Count == 0 ? InitialPopulation() : Offspring();
        return _asked;
    }

    public void Tell(IReadOnlyList<double[]?> costs)
    {
        ArgumentNullException.ThrowIfNull(costs);
        if (_asked is null)
            throw new InvalidOperationException("Ask for a batch before telling its costs");
        if (costs.Count != _asked.Count)
            throw new ArgumentException($"{costs.Count} costs told for {_asked.Count} candidates asked", nameof(costs));
        var told = _asked.Select((genes, i) => new Member(genes, costs[i])).ToList();
        _asked = null;
        _population = Survivors([.. _population, .. told]);
        _generationsTold++;
    }

    private List<double[]> InitialPopulation() =>
        [.. Enumerable.Range(0, _options.Population).Select(_ => Enumerable.Range(0, _genes).Select(_ => _random.NextDouble() * Variation.MaxGene).ToArray())];

    private List<double[]> Offspring()
    {
        var children = new List<double[]>(_options.Population);
        while (children.Count < _options.Population)
        {
            var a = Tournament();
            var b = Tournament();
            var (childA, childB) = _random.NextDouble() < _options.CrossoverProbability
                ? Variation.Crossover(a.Genes, b.Genes, _options.CrossoverEta, _random)
                : ((double[])a.Genes.Clone(), (double[])b.Genes.Clone());
            Variation.Mutate(childA, _mutationProbability, _options.MutationEta, _random);
            Variation.Mutate(childB, _mutationProbability, _options.MutationEta, _random);
            children.Add(childA);
            children.Add(childB);
        }

        return children;
    }

    /// <summary>Binary tournament: the lower rank wins, then the larger crowding distance, then the first drawn.</summary>
    private Member Tournament()
    {
        var a = _population[_random.Next(_population.Count)];
        var b = _population[_random.Next(_population.Count)];
        if (a.Rank != b.Rank)
            return a.Rank < b.Rank ? a : b;
        return b.Crowding > a.Crowding ? b : a;
    }

    /// <summary>Ranks the merged pool and keeps the best <c>Population</c>: whole fronts, then the least crowded of the last.</summary>
    private List<Member> Survivors(List<Member> pool)
    {
        var costs = pool.Select(m => m.Costs).ToList();
        var survivors = new List<Member>(_options.Population);
        var fronts = NonDominatedSort.Fronts(costs);
        for (int rank = 0; rank < fronts.Count && survivors.Count < _options.Population; rank++)
        {
            var front = fronts[rank];
            var crowding = NonDominatedSort.CrowdingDistance(costs, front);
            var members = front.Select((index, k) => pool[index] with { Rank = rank, Crowding = crowding[k] }).ToList();
            if (survivors.Count + members.Count > _options.Population)
            {
                // Stable order: larger crowding first, then pool order, so ties never depend on the sort algorithm.
                members = [.. members.Select((m, k) => (m, k)).OrderByDescending(t => t.m.Crowding).ThenBy(t => t.k).Select(t => t.m)
                    .Take(_options.Population - survivors.Count)];
            }

            survivors.AddRange(members);
        }

        return survivors;
    }

    private sealed record Member(double[] Genes, double[]? Costs)
    {
        public int Rank { get; init; }
        public double Crowding { get; init; }
    }
}
