using ScottPlot;
using ScottPlot.TickGenerators;
using Sim.Explorer.Results;

namespace Sim.Explorer.Plots;

/// <summary>
/// One attention shape's metric against sequence length on log-log axes, one line per lowering (feasible points
/// only): the slope reads off as the power of seq.
/// </summary>
public static class AttentionSeqPlot
{
    public static void Save(IReadOnlyList<AttentionPointRow> rows, string directory, string fileName, string title, string yLabel, Func<AttentionPointRow, double> value)
    {
        using var plot = Build(rows, title, yLabel, value);
        PlotStyle.Save(plot, directory, fileName);
    }

    internal static Plot Build(IReadOnlyList<AttentionPointRow> rows, string title, string yLabel, Func<AttentionPointRow, double> value)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var ok = rows.Where(r => r.Status == Analysis.RowStatus.Ok && value(r) > 0).ToList();
        if (ok.Count == 0)
            return PlotStyle.NoData(title);
        var plot = PlotStyle.NewPlot(title);
        plot.XLabel("sequence length (seq_kv)");
        plot.YLabel(yLabel);
        var lowerings = ok.Select(r => r.Lowering).Distinct().ToList(); // plan order: unfused, two-pass, fused
        for (int i = 0; i < lowerings.Count; i++)
        {
            var line = ok.Where(r => r.Lowering == lowerings[i]).OrderBy(r => r.SeqKv).ToList();
            var scatter = plot.Add.Scatter(line.Select(r => Math.Log2(r.SeqKv)).ToArray(), line.Select(r => Math.Log10(value(r))).ToArray(), plot.Add.Palette.GetColor(i));
            scatter.LegendText = lowerings[i];
            scatter.LineWidth = 2;
            scatter.MarkerSize = 7;
        }

        double xLow = Math.Log2(ok.Min(r => r.SeqKv)) - 0.3, xHigh = Math.Log2(ok.Max(r => r.SeqKv)) + 0.3;
        double yLow = Math.Log10(ok.Min(value)), yHigh = Math.Log10(ok.Max(value));
        double yPad = Math.Max(0.1, (yHigh - yLow) * 0.05);
        plot.Axes.SetLimits(xLow, xHigh, yLow - yPad, yHigh + yPad);
        plot.Axes.Bottom.TickGenerator = new NumericManual(LogTicks.Log2(xLow, xHigh));
        plot.Axes.Left.TickGenerator = new NumericManual(LogTicks.Log10(yLow - yPad, yHigh + yPad));
        plot.ShowLegend(Edge.Right);
        return plot;
    }
}
