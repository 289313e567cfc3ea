using CsCheck;
using Sim.Explorer.Analysis;
using Sim.Explorer.Results;

namespace Sim.Explorer.Tests.Analysis;

public class ParetoFrontTests
{
    private static IReadOnlyList<int> Front(params (double X, double Y)[] points) => ParetoFront.Indices(points);

    /// <summary>O(n²) definition, tie rule included: j beats i if ≤ in both and (&lt; in one, or equal and earlier).</summary>
    private static List<int> BruteForce((double X, double Y)[] p) =>
        [.. Enumerable.Range(0, p.Length)
            .Where(i => !Enumerable.Range(0, p.Length).Any(j => j != i && p[j].X <= p[i].X && p[j].Y <= p[i].Y
                && (p[j].X < p[i].X || p[j].Y < p[i].Y || j < i)))
            .OrderBy(i => p[i].X)];

    [Fact]
    public void Empty_input_has_an_empty_front() => Assert.Empty(Front());

    [Fact]
    public void A_single_point_is_its_own_front() => Assert.Equal([0], Front((3, 4)));

    [Fact]
    public void Dominated_points_are_dropped_and_the_front_comes_in_ascending_x()
    {
        // (3,4) is beaten by (2,3); (5,5) by everything; the front reads left to right.
        Assert.Equal([3, 0, 4], Front((2, 3), (3, 4), (5, 5), (1, 5), (4, 1)));
    }

    [Fact]
    public void Of_equal_points_only_the_first_occurrence_is_on_the_front()
    {
        Assert.Equal([0], Front((1, 1), (1, 1)));
        Assert.Equal([1], Front((2, 2), (1, 1), (1, 1)));
        Assert.Equal([1, 0], Front((3, 1), (1, 3), (3, 1), (1, 3)));
    }

    [Fact]
    public void Equal_x_keeps_only_the_lower_y() => Assert.Equal([1], Front((1, 2), (1, 1)));

    [Fact]
    public void Nan_coordinates_are_rejected() =>
        Assert.Throws<ArgumentException>(() => Front((1, 1), (double.NaN, 2)));

    [Fact]
    public void Matches_brute_force_on_small_integer_grids_full_of_duplicates()
    {
        Gen.Select(Gen.Int[0, 8], Gen.Int[0, 8]).Select((x, y) => ((double)x, (double)y)).Array[0, 40]
            .Sample(points => ParetoFront.Indices(points).SequenceEqual(BruteForce(points)));
    }

    [Fact]
    public void Matches_brute_force_on_real_valued_points_with_repeats()
    {
        var point = Gen.Select(Gen.Double[-1e6, 1e6], Gen.Double[-1e6, 1e6]);
        Gen.Select(point.Array[0, 30], Gen.Int[0, 10].Array[0, 10])
            .Select((distinct, copies) => distinct.Concat(copies.Where(c => c < distinct.Length).Select(c => distinct[c])).ToArray())
            .Sample(points => ParetoFront.Indices(points).SequenceEqual(BruteForce(points)));
    }

    private static PointRow Row(string workload, long pes, long latency, string status = "ok") =>
        new() { Workload = workload, PeCount = pes, LatencyCycles = latency, Status = status };

    [Fact]
    public void Mark_computes_the_front_within_each_workload()
    {
        var rows = new List<PointRow>
        {
            Row("a", 64, 1000), Row("a", 256, 300), Row("a", 256, 500), Row("a", 1024, 400),
            Row("b", 64, 10), Row("b", 1024, 20), // b is faster everywhere, but must not knock out a's points
        };

        ParetoFront.Mark(rows);

        Assert.Equal([true, true, false, false, true, false], rows.Select(r => r.Pareto));
    }

    [Fact]
    public void Mark_ignores_rows_that_are_not_ok_and_clears_stale_flags()
    {
        var rows = new List<PointRow>
        {
            Row("a", 1, 1, status: "infeasible"), // would dominate everything if it counted
            Row("a", 64, 1000),
            Row("a", 256, 2000),
            Row("a", 16, 1, status: "failed"),
        };
        rows[2].Pareto = true; // stale flag from an older file

        ParetoFront.Mark(rows);

        Assert.Equal([false, true, false, false], rows.Select(r => r.Pareto));
    }

    [Fact]
    public void Mark_on_equal_rows_flags_only_the_first()
    {
        var rows = new List<PointRow> { Row("a", 64, 100), Row("a", 64, 100) };
        ParetoFront.Mark(rows);
        Assert.Equal([true, false], rows.Select(r => r.Pareto));
    }
}
