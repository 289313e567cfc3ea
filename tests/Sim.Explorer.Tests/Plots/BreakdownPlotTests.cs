using Sim.Explorer.Analysis;
using Sim.Explorer.Plots;
using Sim.Explorer.Results;

namespace Sim.Explorer.Tests.Plots;

public class BreakdownPlotTests
{
    private static PointRow P(string id, string workload, long latency, long pes, string status = "ok") =>
        new() { PointId = id, Workload = workload, Status = status, LatencyCycles = latency, ComputeCycles = latency * 3 / 4, StallCycles = latency - latency * 3 / 4, PeCount = pes, Tile = id };

    [Fact]
    public void One_bar_per_workload_and_objective_a_design_best_at_two_is_one_bar_ties_go_to_plan_order()
    {
        var points = new List<PointRow>
        {
            P("z-fast", "z", 10, 1024), P("z-small", "z", 100, 16), P("z-small-too", "z", 200, 16),
            P("a-only", "a", 50, 64), P("a-broken", "a", 1, 1, status: "infeasible"),
        };

        var designs = BreakdownPlot.Best(points, Objective.Defaults);

        Assert.Equal(["a-only", "z-fast", "z-small"], designs.Select(d => d.Point.PointId));
        Assert.Equal("min latency_cycles, min pe_count", designs[0].BestAt);
        Assert.Equal("min pe_count", designs[2].BestAt);
    }

    [Fact]
    public void At_most_eight_bars_and_the_title_says_how_many_were_left_out()
    {
        using var dir = new TempDirectory();
        var points = Enumerable.Range(0, 6).SelectMany(w => new[] { P($"{w}-fast", $"w{w}", 10, 1024), P($"{w}-small", $"w{w}", 100, 16) }).ToList();
        Assert.Equal(12, BreakdownPlot.Best(points, Objective.Defaults).Count);
        BreakdownPlot.Save(points, [], Objective.Defaults, dir.Path, "t");
        Assert.Contains("t: latency breakdown of the best designs (first 8 of 12)", ImageAssert.SvgText(dir.File(BreakdownPlot.LatencyFile + ".svg")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_best_design_for_an_objective_is_on_the_front_whatever_the_plan_order()
    {
        // Two 64-PE designs tie on PE count; the slower one comes first in plan order but is dominated.
        var slow = P("slow", "w", 300, 64);
        var fast = P("fast", "w", 100, 64);
        var big = P("big", "w", 10, 1024);
        var points = new List<PointRow> { slow, fast, big };
        Sim.Explorer.Analysis.ParetoFront.Mark(points, Objective.Defaults);
        var designs = BreakdownPlot.Best(points, Objective.Defaults);
        Assert.Equal(["big", "fast"], designs.Select(d => d.Point.PointId));
        // Without a marked front the other objectives still break the tie.
        foreach (var p in points) p.Pareto = false;
        Assert.Equal(["big", "fast"], BreakdownPlot.Best(points, Objective.Defaults).Select(d => d.Point.PointId));
    }

    [Fact]
    public void Stacks_read_from_breakdown_rows_with_components_in_the_legend_and_totals_under_the_bars()
    {
        using var dir = new TempDirectory();
        var points = new List<PointRow> { P("fast", "net", 4000, 1024), P("small", "net", 40000, 16) };
        var breakdown = Breakdowns.Of(points, []);

        var files = BreakdownPlot.Save(points, breakdown, Objective.Defaults, dir.Path, "Where time goes");

        Assert.Equal([BreakdownPlot.LatencyFile, BreakdownPlot.EnergyFile], files);
        ImageAssert.IsPng(dir.File("breakdown_latency.png"));
        var text = ImageAssert.SvgText(dir.File("breakdown_latency.svg"));
        foreach (var label in new[] { "compute", "stall", "share of latency_cycles", "4k cycles", "40k cycles", "min pe_count" })
            Assert.Contains(label, text, StringComparison.Ordinal);
        using var plot = BreakdownPlot.Build(BreakdownPlot.Best(points, Objective.Defaults), breakdown, Breakdowns.Latency, Breakdowns.LatencyComponents, "t");
        var bars = plot.GetPlottables().OfType<ScottPlot.Plottables.BarPlot>().Single().Bars;
        Assert.Equal([(0.0, 0.75), (0.75, 1.0), (0.0, 0.75), (0.75, 1.0)], bars.Select(b => (b.ValueBase, b.Value)));
    }
}
