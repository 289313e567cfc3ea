using ScottPlot;
using ScottPlot.TickGenerators;
using Sim.Explorer.Results;

namespace Sim.Explorer.Plots;

/// <summary>
/// A decode metric (throughput in tokens/s, energy per token) against batch size for one model and KV setting, one line
/// per mode (feasible points only); batch on a log2 axis.
/// </summary>
public static class NeuPimsThroughputPlot
{
    public const string ThroughputLabel = "decode throughput (tokens/s per model instance)";

    public const string EnergyLabel = "dynamic energy per token (µJ)";

    public static void Save(IReadOnlyList<NeuPimsPointRow> rows, string directory, string fileName, string title) =>
        Save(rows, directory, fileName, title, ThroughputLabel, r => r.TokensPerSecond);

    public static void Save(IReadOnlyList<NeuPimsPointRow> rows, string directory, string fileName, string title, string yLabel, Func<NeuPimsPointRow, double> value)
    {
        using var plot = Build(rows, title, yLabel, value);
        PlotStyle.Save(plot, directory, fileName);
    }

    internal static Plot Build(IReadOnlyList<NeuPimsPointRow> rows, string title, string yLabel, Func<NeuPimsPointRow, double> value)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(value);
        var ok = rows.Where(r => r.Status == Analysis.RowStatus.Ok && value(r) > 0).ToList();
        if (ok.Count == 0)
            return PlotStyle.NoData(title);
        var plot = PlotStyle.NewPlot(title);
        plot.XLabel("batch size (requests)");
        plot.YLabel(yLabel);
        var modes = ok.Select(r => r.Mode).Distinct().ToList(); // spec order
        for (int i = 0; i < modes.Count; i++)
        {
            var line = ok.Where(r => r.Mode == modes[i]).OrderBy(r => r.Batch).ToList();
            var scatter = plot.Add.Scatter(line.Select(r => Math.Log2(r.Batch)).ToArray(), line.Select(value).ToArray(), plot.Add.Palette.GetColor(i));
            scatter.LegendText = modes[i];
            scatter.LineWidth = 2;
            scatter.MarkerSize = 7;
        }

        double xLow = Math.Log2(ok.Min(r => r.Batch)) - 0.3, xHigh = Math.Log2(ok.Max(r => r.Batch)) + 0.3;
        plot.Axes.SetLimits(xLow, xHigh, 0, ok.Max(value) * 1.08);
        plot.Axes.Bottom.TickGenerator = new NumericManual(LogTicks.Log2(xLow, xHigh));
        plot.ShowLegend(Edge.Right);
        return plot;
    }
}
