using ScottPlot;
using ScottPlot.TickGenerators;
using Sim.Explorer.Analysis;
using Sim.Explorer.Results;

namespace Sim.Explorer.Plots;

/// <summary>
/// Figures of the spgemm sweep, drawn from its rows: grouped bars (a group per matrix, a bar per dataflow/merge) of
/// cycles and of DRAM traffic on log axes, and the row-wise B traffic without and with the B-row cache.
/// </summary>
public static class SpGemmPlots
{
    public const string CyclesFile = "spgemm_cycles";
    public const string TrafficFile = "spgemm_dram_traffic";
    public const string CacheFile = "spgemm_rowwise_b_cache";

    public static IReadOnlyList<string> Save(IReadOnlyList<SpGemmRow> rows, string directory, string title)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var ok = rows.Where(r => r.Status == RowStatus.Ok).ToList();
        var matrices = ok.Select(r => r.Matrix).Distinct().ToList();
        var labels = ok.Select(r => r.Label).Distinct().ToList();

        using (var cycles = Grouped($"{title}: cycles (C = A·A)", "cycles", matrices, labels,
            (m, l) => ok.FirstOrDefault(r => r.Matrix == m && r.Label == l)?.Cycles))
            PlotStyle.Save(cycles, directory, CyclesFile, PlotStyle.Width * 3 / 2, PlotStyle.Height);
        using (var traffic = Grouped($"{title}: DRAM traffic (A + B + partials + C)", "DRAM bytes", matrices, labels,
            (m, l) => ok.FirstOrDefault(r => r.Matrix == m && r.Label == l)?.DramBytes))
            PlotStyle.Save(traffic, directory, TrafficFile, PlotStyle.Width * 3 / 2, PlotStyle.Height);

        // The cache gap: one row-wise row per matrix (B traffic does not depend on the merge structure).
        string[] series = ["no cache (F elements)", "LRU B-row cache"];
        using (var cache = Grouped($"{title}: row-wise B traffic, no cache vs cache", "B bytes from DRAM", matrices, series, (m, s) =>
        {
            var row = ok.FirstOrDefault(r => r.Matrix == m && r.Dataflow == "rowwise");
            return row is null ? null : s == series[0] ? row.DramReadBUncachedBytes : row.DramReadBBytes;
        }))
            PlotStyle.Save(cache, directory, CacheFile, PlotStyle.Width * 3 / 2, PlotStyle.Height);
        return [CyclesFile, TrafficFile, CacheFile];
    }

    /// <summary>Bars of log10(value), a group per matrix, a colour per series; values ≤ 0 or missing are left out.</summary>
    internal static Plot Grouped(string title, string label, IReadOnlyList<string> groups, IReadOnlyList<string> series, Func<string, string, long?> value)
    {
        var values = groups.SelectMany(g => series.Select(s => value(g, s))).Where(v => v > 0).Select(v => (double)v!.Value).ToList();
        if (values.Count == 0)
            return PlotStyle.NoData(title);
        var plot = PlotStyle.NewPlot(title);
        plot.YLabel(label + " (log scale)");
        var low = Math.Floor(Math.Log10(values.Min()));
        var high = Math.Log10(values.Max()) + 0.15;
        double slot = series.Count + 1.0;
        var bars = new List<Bar>();
        for (var g = 0; g < groups.Count; g++)
        {
            for (var s = 0; s < series.Count; s++)
            {
                if (value(groups[g], series[s]) is not { } v || v <= 0)
                    continue;
                bars.Add(new Bar { Position = g * slot + s, Value = Math.Log10(v), ValueBase = low, FillColor = plot.Add.Palette.GetColor(s), LineWidth = 0 });
            }
        }

        plot.Add.Bars(bars);
        for (var s = 0; s < series.Count; s++)
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = series[s], FillColor = plot.Add.Palette.GetColor(s) });
        plot.ShowLegend(Edge.Right);
        plot.Axes.Bottom.TickGenerator = new NumericManual(groups.Select((_, g) => g * slot + (series.Count - 1) / 2.0).ToArray(), [.. groups]);
        plot.Axes.SetLimits(-1, groups.Count * slot - 1, low, high);
        plot.Axes.Left.TickGenerator = new NumericManual(LogTicks.Log10(low, high));
        return plot;
    }
}
