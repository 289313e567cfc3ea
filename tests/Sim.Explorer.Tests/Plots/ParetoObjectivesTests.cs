using Sim.Explorer.Analysis;
using Sim.Explorer.Plots;
using Sim.Explorer.Results;

namespace Sim.Explorer.Tests.Plots;

public class ParetoObjectivesTests
{
    private static Objective Min(string name) => new(PointMetrics.Find(name)!, false);

    private static Objective Max(string name) => new(PointMetrics.Find(name)!, true);

    [Fact]
    public void The_default_pair_keeps_the_pareto_file_name_and_other_pairs_are_named_y_vs_x()
    {
        Assert.Equal("pareto", ParetoPlot.FileNameFor(Objective.Defaults[0], Objective.Defaults[1]));
        Assert.Equal("pareto_latency_cycles_vs_tops_per_w", ParetoPlot.FileNameFor(Min("latency_cycles"), Max("tops_per_w")));
    }

    [Fact]
    public void Three_objectives_give_three_pair_figures_a_fourth_is_not_drawn()
    {
        using var dir = new TempDirectory();
        var rows = SyntheticRows.Sweep();
        foreach (var r in rows)
        {
            r.EnergyPj = r.Macs * (1.0 + 1000.0 / r.PeCount);
            r.TopsPerW = 2.0 * r.Macs / r.EnergyPj;
            r.AreaMm2 = r.PeCount * 0.001;
        }

        var names = ParetoPlot.SaveAll(rows, dir.Path, "Three", [Min("latency_cycles"), Max("tops_per_w"), Min("energy_pj"), Min("area_mm2")]);

        Assert.Equal(["pareto_latency_cycles_vs_tops_per_w", "pareto_latency_cycles_vs_energy_pj", "pareto_tops_per_w_vs_energy_pj"], names);
        foreach (var name in names)
            ImageAssert.IsPng(dir.File(name + ".png"));
        var text = ImageAssert.SvgText(dir.File("pareto_latency_cycles_vs_tops_per_w.svg"));
        Assert.Contains("TOPS/W (log scale, higher is better)", text, StringComparison.Ordinal); // spans over a decade
        Assert.Contains("Three: Latency vs TOPS/W", text, StringComparison.Ordinal);
        Assert.Contains("Latency (cycles, log scale)", text, StringComparison.Ordinal);
        Assert.Contains("resnet18 Pareto front", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_maximised_objective_takes_the_front_in_its_own_direction()
    {
        // Lower latency and higher TOPS/W are better: b dominates a; c trades latency for efficiency.
        PointRow P(string id, long latency, double topsPerW) => new() { PointId = id, Status = "ok", Workload = "w", LatencyCycles = latency, TopsPerW = topsPerW };
        var rows = new List<PointRow> { P("a", 100, 1), P("b", 90, 2), P("c", 200, 5) };
        using var plot = ParetoPlot.Build(rows, "t", Min("latency_cycles"), Max("tops_per_w"));
        var front = plot.GetPlottables().OfType<ScottPlot.Plottables.Scatter>().Single(s => s.LegendText == "w Pareto front");
        var xs = front.Data.GetScatterPoints().Select(p => p.X).ToList();
        Assert.Equal([5.0, 2.0], xs); // x = TOPS/W (linear: 1..5 is under a decade), front sorted by x cost (−5 < −2)
    }

    [Theory]
    [InlineData(new[] { 64.0, 16384 }, true, true)]     // 256×, powers of two
    [InlineData(new[] { 1e3, 2e5 }, true, false)]       // 200×
    [InlineData(new[] { 1.0, 100 }, true, false)]       // two decades
    [InlineData(new[] { 5e9, 1.1e11 }, true, false)]    // 22×: a Pareto knee needs the log
    [InlineData(new[] { 1.0, 10 }, false, false)]       // exactly a decade: linear
    [InlineData(new[] { 0.0, 1e6 }, false, false)]      // a zero cannot go on a log axis
    public void An_axis_is_logarithmic_past_a_decade(double[] values, bool log, bool base2)
    {
        var axis = PlotAxis.For(values);
        Assert.Equal(log, axis.Log);
        Assert.Equal(base2, axis.Base2);
    }

    [Theory]
    [InlineData(50e9, "50G")]
    [InlineData(2500, "2.5k")]
    [InlineData(0.125, "0.125")]
    [InlineData(0.0004567, "0.0004567")]
    [InlineData(0, "0")]
    public void Linear_ticks_are_labelled_compactly(double value, string label) => Assert.Equal(label, PlotAxis.LinearLabel(value));
}
