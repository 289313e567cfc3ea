using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;
using Sim.Explorer.Analysis;
using Sim.Explorer.Results;

namespace Sim.Explorer.Plots;

/// <summary>
/// Roofline, log-log: every ok point at (arithmetic intensity = MACs per DRAM byte, achieved MACs per cycle), one
/// colour per workload, under the roofs min(peak, bandwidth · AI) of the machines (PE count, DRAM bandwidth) of the
/// top designs (the points.csv pareto column), at most <see cref="MaxRoofs"/> of them. Points with no DRAM traffic have
/// no intensity and are left out.
/// </summary>
public static class RooflinePlot
{
    public const string FileName = "roofline";
    public const string XLabel = "Arithmetic intensity (MACs per DRAM byte, log scale)";
    public const string YLabel = "Achieved MACs per cycle (log scale)";
    public const int MaxRoofs = 6;

    public static void Save(IReadOnlyList<PointRow> rows, string directory, string title)
    {
        using var plot = Build(rows, title);
        PlotStyle.Save(plot, directory, FileName);
    }

    /// <summary>
    /// The roofs drawn: up to <see cref="MaxRoofs"/> − 1 machines of the pareto rows (of all ok rows when none is marked),
    /// plus the envelope — the largest PE count with the largest bandwidth among all plotted points — unless it is one of
    /// them. Every point lies under its own machine's roof, hence under the envelope, so no point appears to break the
    /// roofline even when its machine's roof is not drawn.
    /// </summary>
    public static IReadOnlyList<Roofline> Roofs(IReadOnlyList<PointRow> ok)
    {
        ArgumentNullException.ThrowIfNull(ok);
        if (ok.Count == 0)
            return [];
        var top = ok.Where(r => r.Pareto).ToList();
        var roofs = Roofline.Distinct(top.Count > 0 ? top : ok, MaxRoofs - 1).ToList();
        var envelope = new Roofline(ok.Max(r => r.PeCount), ok.Max(r => r.DramBandwidthBytesPerCycle));
        if (!roofs.Contains(envelope))
            roofs.Add(envelope);
        return roofs;
    }

    internal static Plot Build(IReadOnlyList<PointRow> rows, string title)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var ok = rows.Where(r => RowStatus.IsOk(r) && r.ArithIntensityMacsPerByte > 0 && Roofline.AchievedMacsPerCycle(r) > 0
            && r.PeCount > 0 && r.DramBandwidthBytesPerCycle > 0).ToList();
        if (ok.Count == 0)
            return PlotStyle.NoData(title);
        var plot = PlotStyle.NewPlot($"{title}: roofline");
        plot.XLabel(XLabel);
        plot.YLabel(YLabel);

        var roofs = Roofs(ok);
        var frontMachines = ok.Where(r => r.Pareto).Select(Roofline.Of).ToHashSet();
        double xLow = Math.Log10(Math.Min(ok.Min(r => r.ArithIntensityMacsPerByte), roofs.Min(r => r.RidgeMacsPerByte))) - 0.3;
        double xHigh = Math.Log10(Math.Max(ok.Max(r => r.ArithIntensityMacsPerByte), roofs.Max(r => r.RidgeMacsPerByte))) + 0.3;
        var workloads = ok.Select(r => r.Workload).Distinct().Order(StringComparer.Ordinal).ToList();
        for (int i = 0; i < roofs.Count; i++)
        {
            var roof = roofs[i];
            // Three corners in log space: the bandwidth slope from the left edge, the ridge, the flat peak to the right.
            double[] ais = [Math.Pow(10, xLow), Math.Clamp(roof.RidgeMacsPerByte, Math.Pow(10, xLow), Math.Pow(10, xHigh)), Math.Pow(10, xHigh)];
            var line = plot.Add.Scatter(ais.Select(Math.Log10).ToArray(), ais.Select(a => Math.Log10(roof.Attainable(a))).ToArray(),
                plot.Add.Palette.GetColor(workloads.Count + i));
            line.MarkerSize = 0;
            line.LineWidth = 2;
            // Solid: Skia's SVG canvas cannot draw dash effects (it draws them solid and warns on stderr for each line).
            line.LegendText = string.Create(CultureInfo.InvariantCulture,
                $"{(frontMachines.Count == 0 || frontMachines.Contains(roof) ? "roof" : "envelope of all points")}: {roof.PeakMacsPerCycle:0.##} MACs/cycle, {roof.BandwidthBytesPerCycle:0.##} B/cycle");
        }

        for (int w = 0; w < workloads.Count; w++)
        {
            var members = ok.Where(r => r.Workload == workloads[w]).ToList();
            var points = plot.Add.ScatterPoints(
                members.Select(r => Math.Log10(r.ArithIntensityMacsPerByte)).ToArray(),
                members.Select(r => Math.Log10(Roofline.AchievedMacsPerCycle(r))).ToArray(),
                plot.Add.Palette.GetColor(w).WithAlpha(0.7));
            points.MarkerSize = 7;
            points.LegendText = workloads[w];
        }

        double yLow = Math.Log10(ok.Min(Roofline.AchievedMacsPerCycle)) - 0.2;
        double yHigh = Math.Log10(Math.Max(ok.Max(Roofline.AchievedMacsPerCycle), roofs.Max(r => r.PeakMacsPerCycle))) + 0.2;
        plot.Axes.SetLimits(xLow, xHigh, yLow, yHigh);
        plot.Axes.Bottom.TickGenerator = new NumericManual(LogTicks.Log10(xLow, xHigh));
        plot.Axes.Left.TickGenerator = new NumericManual(LogTicks.Log10(yLow, yHigh));
        plot.ShowLegend(Edge.Right);
        return plot;
    }
}
