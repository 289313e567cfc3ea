using ScottPlot;
using ScottPlot.TickGenerators;
using Sim.Explorer.Analysis;
using Sim.Explorer.Results;

namespace Sim.Explorer.Plots;

/// <summary>
/// Latency against PE count, one colour per workload, log-log. The front is recomputed from the rows with
/// <see cref="ParetoFront"/> (not read from the pareto column) so the figure is right even for unmarked files.
/// </summary>
public static class ParetoPlot
{
    public const string FileName = "pareto";
    public const string XLabel = "PE count (rows × cols)";
    public const string YLabel = "Latency (cycles, log scale)";

    /// <summary>Writes pareto.png and pareto.svg. Rows that are not ok (or have no positive PE count/latency) are left out.</summary>
    public static void Save(IReadOnlyList<PointRow> rows, string directory, string title)
    {
        using var plot = Build(rows, title);
        PlotStyle.Save(plot, directory, FileName);
    }

    internal static Plot Build(IReadOnlyList<PointRow> rows, string title)
    {
        ArgumentNullException.ThrowIfNull(rows);
        // A log axis cannot show zero; such a row would be a simulator bug, not a design point.
        var ok = rows.Where(r => RowStatus.IsOk(r) && r.PeCount > 0 && r.LatencyCycles > 0).ToList();
        if (ok.Count == 0)
            return PlotStyle.NoData(title);

        var plot = PlotStyle.NewPlot(title);
        plot.XLabel(XLabel);
        plot.YLabel(YLabel);

        var workloads = ok.Select(r => r.Workload).Distinct().Order(StringComparer.Ordinal).ToList();
        for (int w = 0; w < workloads.Count; w++)
            AddWorkload(plot, ok.Where(r => r.Workload == workloads[w]).ToList(), workloads[w], plot.Add.Palette.GetColor(w));

        SetLogAxes(plot, ok);
        plot.ShowLegend(Edge.Right); // outside the data area, so it never hides points
        return plot;
    }

    private static void AddWorkload(Plot plot, List<PointRow> rows, string workload, Color color)
    {
        double[] xs = [.. rows.Select(r => Math.Log2(r.PeCount))];
        double[] ys = [.. rows.Select(r => Math.Log10(r.LatencyCycles))];

        var all = plot.Add.ScatterPoints(xs, ys, color.WithAlpha(0.55));
        all.MarkerSize = 6;
        all.LegendText = workload;

        var front = ParetoFront.Indices([.. rows.Select(r => ((double)r.PeCount, (double)r.LatencyCycles))]);
        var line = plot.Add.Scatter(front.Select(i => xs[i]).ToArray(), front.Select(i => ys[i]).ToArray(), color);
        line.MarkerSize = 11;
        line.LineWidth = 2;
        line.LegendText = workload + " Pareto front";
    }

    private static void SetLogAxes(Plot plot, List<PointRow> ok)
    {
        // Pad half a doubling / a tenth of a decade so the outermost markers are not cut by the frame.
        double xLow = Math.Log2(ok.Min(r => r.PeCount)) - 0.5;
        double xHigh = Math.Log2(ok.Max(r => r.PeCount)) + 0.5;
        double yLow = Math.Log10(ok.Min(r => r.LatencyCycles));
        double yHigh = Math.Log10(ok.Max(r => r.LatencyCycles));
        double yPad = Math.Max(0.1, (yHigh - yLow) * 0.05);

        plot.Axes.SetLimits(xLow, xHigh, yLow - yPad, yHigh + yPad);
        plot.Axes.Bottom.TickGenerator = new NumericManual(LogTicks.Log2(xLow, xHigh));
        plot.Axes.Left.TickGenerator = new NumericManual(LogTicks.Log10(yLow - yPad, yHigh + yPad));
    }
}
