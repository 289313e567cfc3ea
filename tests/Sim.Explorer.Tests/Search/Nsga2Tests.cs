using CsCheck;
using Sim.Explorer.Search;

namespace Sim.Explorer.Tests.Search;

public class Nsga2Tests
{
    /// <summary>ZDT1 (Zitzler, Deb, Thiele 2000): 30 genes; the Pareto front f2 = 1 − √f1 has hypervolume 2/3 from (1, 1).</summary>
    private static double[] Zdt1(double[] x)
    {
        double g = 1 + 9 * x.Skip(1).Sum() / (x.Length - 1);
        return [x[0], g * (1 - Math.Sqrt(x[0] / g))];
    }

    private static (double Hypervolume, int Evaluations) Optimise(Func<double[], double[]?> evaluate, Nsga2Options options, int genes)
    {
        var search = new Nsga2(genes, options);
        var all = new List<double[]>();
        int evaluations = 0;
        while (!search.IsDone)
        {
            var batch = search.Ask();
            var costs = batch.Select(evaluate).ToList();
            evaluations += batch.Count;
            all.AddRange(costs.OfType<double[]>());
            search.Tell(costs);
        }

        return (Hypervolume.Of(all, [1.0, 1.0]), evaluations);
    }

    [Fact]
    public void Converges_on_zdt1_close_to_the_true_front_and_far_beyond_random_search()
    {
        var (hypervolume, evaluations) = Optimise(Zdt1, new Nsga2Options(100, 250, 7), 30);
        Assert.Equal(100 * 251, evaluations);
        Assert.True(hypervolume > 0.64, $"hypervolume {hypervolume} (true front: 0.6667)");

        var random = new Random(7);
        var samples = Enumerable.Range(0, evaluations).Select(_ => Zdt1(Enumerable.Range(0, 30).Select(_ => random.NextDouble()).ToArray()));
        double randomHypervolume = Hypervolume.Of(samples, [1.0, 1.0]);
        Assert.True(hypervolume > randomHypervolume + 0.3, $"NSGA-II {hypervolume} vs random {randomHypervolume}");
    }

    [Fact]
    public void The_same_seed_asks_the_same_candidates()
    {
        static List<double[]> Run(int seed)
        {
            var search = new Nsga2(3, new Nsga2Options(8, 3, seed));
            var asked = new List<double[]>();
            while (!search.IsDone)
            {
                var batch = search.Ask();
                asked.AddRange(batch);
                search.Tell([.. batch.Select(x => (double[]?)[x[0], 1 - x[0] + x[1] * x[2]])]);
            }

            return asked;
        }

        var a = Run(3);
        Assert.Equal(a, Run(3), new GenesComparer());
        Assert.NotEqual(a, Run(4), new GenesComparer());
    }

    [Fact]
    public void Infeasible_candidates_do_not_survive_when_feasible_ones_fill_the_population()
    {
        var search = new Nsga2(2, new Nsga2Options(10, 5, 1));
        while (!search.IsDone)
        {
            var batch = search.Ask();
            // Half the space (x0 ≥ 0.5) is infeasible.
            search.Tell([.. batch.Select(x => x[0] >= 0.5 ? null : (double[]?)[x[0], x[1]])]);
        }

        Assert.All(search.Population, m => Assert.NotNull(m.Costs));
    }

    [Fact]
    public void Ask_and_tell_must_alternate()
    {
        var search = new Nsga2(2, new Nsga2Options(4, 1, 1));
        Assert.Throws<InvalidOperationException>(() => search.Tell([]));
        var batch = search.Ask();
        Assert.Throws<InvalidOperationException>(() => search.Ask());
        Assert.Throws<ArgumentException>(() => search.Tell([null]));
        search.Tell([.. batch.Select(_ => (double[]?)[1.0, 1.0])]);
    }

    [Theory]
    [InlineData(3, 1)]
    [InlineData(5, 1)]
    [InlineData(8, 0)]
    public void Bad_options_are_rejected(int population, int generations) =>
        Assert.Throws<ArgumentException>(() => new Nsga2(2, new Nsga2Options(population, generations, 1)));

    [Fact]
    public void Variation_keeps_genes_in_the_unit_interval_and_sbx_keeps_the_parents_mean_when_unclamped()
    {
        Gen.Select(Gen.Double[0, Variation.MaxGene].Array[4], Gen.Double[0, Variation.MaxGene].Array[4], Gen.Int)
            .Sample((a, b, seed) =>
            {
                var random = new Random(seed);
                var (c, d) = Variation.Crossover(a, b, 15, random);
                Variation.Mutate(c, 0.5, 20, random);
                return c.Concat(d).All(g => g is >= 0 and < 1);
            });

        // SBX's children are symmetric about the parents' mean unless a bound clamps them.
        var random = new Random(5);
        for (int trial = 0; trial < 1000; trial++)
        {
            double[] a = [0.4 + 0.1 * random.NextDouble()], b = [0.5 + 0.1 * random.NextDouble()];
            var (c, d) = Variation.Crossover(a, b, 15, random);
            if (c[0] is > 0 and < Variation.MaxGene && d[0] is > 0 and < Variation.MaxGene)
                Assert.True(Math.Abs(a[0] + b[0] - (c[0] + d[0])) < 1e-12);
        }
    }

    private sealed class GenesComparer : IEqualityComparer<double[]>
    {
        public bool Equals(double[]? x, double[]? y) => x!.SequenceEqual(y!);

        public int GetHashCode(double[] obj) => obj.Length;
    }
}
