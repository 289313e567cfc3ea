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
    public void At_most_eight_bars()
    {
        var points = Enumerable.Range(0, 6).SelectMany(w => new[] { P($"{w}-fast", $"w{w}", 10, 1024), P($"{w}-small", $"w{w}", 100, 16) }).ToList();
        Assert.Equal(BreakdownPlot.MaxBars, BreakdownPlot.Best(points, Objective.Defaults).Count);
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
