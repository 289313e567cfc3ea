using CsCheck;
using Sim.Explorer.Analysis;
using Sim.Explorer.Results;

namespace Sim.Explorer.Tests.Analysis;

/// <summary>The k-objective front: same definition and tie rule as the 2-D one, checked against the O(n²) definition.</summary>
public class ParetoFrontKTests
{
    /// <summary>j beats i if ≤ in every coordinate and (&lt; in one, or equal everywhere and earlier); lexicographic order.</summary>
    private static List<int> BruteForce(double[][] p) =>
        [.. Enumerable.Range(0, p.Length)
            .Where(i => !Enumerable.Range(0, p.Length).Any(j => j != i
                && p[j].Zip(p[i]).All(c => c.First <= c.Second)
                && (p[j].Zip(p[i]).Any(c => c.First < c.Second) || j < i)))
            .Order(Comparer<int>.Create((a, b) =>
            {
                var c = p[a].Zip(p[b]).Select(x => x.First.CompareTo(x.Second)).FirstOrDefault(x => x != 0);
                return c != 0 ? c : a.CompareTo(b);
            }))];

    [Fact]
    public void Matches_brute_force_for_one_to_four_objectives_on_grids_full_of_ties()
    {
        Gen.Int[1, 4].SelectMany(k => Gen.Int[0, 4].Select(v => (double)v).Array[k].Array[0, 40])
            .Sample(points => ParetoFront.Indices(points).SequenceEqual(BruteForce(points)));
    }

    [Fact]
    public void Matches_brute_force_on_real_valued_points_in_three_objectives()
    {
        Gen.Double[-1e3, 1e3].Array[3].Array[0, 40]
            .Sample(points => ParetoFront.Indices(points).SequenceEqual(BruteForce(points)));
    }

    [Fact]
    public void With_two_objectives_it_is_the_2d_front_in_the_same_order()
    {
        Gen.Select(Gen.Int[0, 6], Gen.Int[0, 6]).Array[0, 30]
            .Sample(points => ParetoFront.Indices(points.Select(p => new double[] { p.Item1, p.Item2 }).ToList())
                .SequenceEqual(ParetoFront.Indices(points.Select(p => ((double)p.Item1, (double)p.Item2)).ToList())));
    }

    [Fact]
    public void A_third_objective_rescues_points_the_2d_front_drops()
    {
        // (2,2,·) dominates (3,3,·) in two objectives, not once the third favours (3,3).
        double[][] points = [[2, 2, 9], [3, 3, 1], [3, 3, 1], [1, 5, 9]];
        Assert.Equal([3, 0, 1], ParetoFront.Indices(points));
    }

    [Fact]
    public void Mismatched_lengths_and_nan_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => ParetoFront.Indices([new double[] { 1, 2 }, [1, 2, 3]]));
        Assert.Throws<ArgumentException>(() => ParetoFront.Indices([new double[] { 1, double.NaN, 3 }]));
    }

    private static PointRow Row(string workload, long pes, long latency, double energy, double topsPerW) =>
        new() { Workload = workload, PeCount = pes, LatencyCycles = latency, EnergyPj = energy, TopsPerW = topsPerW, Status = "ok" };

    [Fact]
    public void Mark_uses_each_objectives_direction_per_workload()
    {
        var rows = new List<PointRow>
        {
            Row("a", 64, 100, 5, 1), Row("a", 64, 100, 5, 3), Row("a", 64, 90, 9, 2), Row("a", 64, 200, 4, 0.5),
            Row("b", 64, 100, 5, 0.1),
        };
        var objectives = new[]
        {
            new Objective(PointMetrics.LatencyCycles, false), new Objective(PointMetrics.EnergyPj, false),
            new Objective(PointMetrics.All.Single(m => m.Name == "tops_per_w"), true),
        };
        ParetoFront.Mark(rows, objectives);
        // Row 0 is beaten by row 1 (same latency and energy, more TOPS/W); the others trade off; b is alone.
        Assert.Equal([false, true, true, true, true], rows.Select(r => r.Pareto));
    }

    [Fact]
    public void Mark_with_the_default_objectives_is_the_pe_count_latency_front()
    {
        Gen.Select(Gen.Int[1, 5], Gen.Int[1, 5]).Array[0, 25].Sample(pairs =>
        {
            var rows = pairs.Select(p => Row("w", p.Item1, p.Item2, 0, 0)).ToList();
            ParetoFront.Mark(rows);
            var expected = ParetoFront.Indices(pairs.Select(p => ((double)p.Item1, (double)p.Item2)).ToList()).ToHashSet();
            return rows.Select((r, i) => r.Pareto == expected.Contains(i)).All(x => x);
        });
    }
}
