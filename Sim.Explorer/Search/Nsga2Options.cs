namespace Sim.Explorer.Search;

/// <summary>
/// NSGA-II's parameters (Deb et al., IEEE TEVC 2002). The defaults are the paper's: SBX crossover with η_c = 15 applied
/// with probability 0.9, polynomial mutation with η_m = 20 applied to each gene with probability 1/genes.
/// </summary>
public sealed record Nsga2Options(int Population, int Generations, int Seed)
{
    public double CrossoverProbability { get; init; } = 0.9;
    public double CrossoverEta { get; init; } = 15;
    public double MutationEta { get; init; } = 20;

    /// <summary>Per-gene mutation probability; null = 1 / number of genes.</summary>
    public double? MutationProbability { get; init; }

    public void Validate()
    {
        if (Population < 4 || Population % 2 != 0)
            throw new ArgumentException($"population {Population} must be an even number of at least 4 (pairs of parents make pairs of children)");
        if (Generations < 1)
            throw new ArgumentException($"generations {Generations} must be at least 1");
        if (CrossoverProbability is < 0 or > 1 || MutationProbability is < 0 or > 1)
            throw new ArgumentException("probabilities must lie in [0, 1]");
        if (CrossoverEta <= 0 || MutationEta <= 0)
            throw new ArgumentException("distribution indices must be positive");
    }
}
