using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;
using Sim.Explorer.Plots;
using PlotStyle = Sim.Explorer.Plots.PlotStyle;

namespace Sim.Explorer.Calibration;

/// <summary>
/// predicted_vs_measured (log-log, y = x line, 95 % interval bars; fit shapes filled circles, held-out open squares,
/// one colour per kernel) and roofline (GEMM: measured GFLOP/s against FLOPs per modelled traffic byte, under the
/// fitted compute roof, the ISA peak and the fitted bandwidth roof; B packing's own per-byte cost is not a roof).
/// </summary>
public static class CalibrationPlots
{
    public static void Save(CalibrationReport report, string directory)
    {
        ArgumentNullException.ThrowIfNull(report);
        using (var plot = PredictedVsMeasured(report))
            PlotStyle.Save(plot, directory, "predicted_vs_measured");
        using (var plot = Roofline(report))
            PlotStyle.Save(plot, directory, "roofline");
    }

    internal static Plot PredictedVsMeasured(CalibrationReport report)
    {
        var title = $"sim calibrate --target {report.Target}: predicted vs measured";
        var all = report.Kernels.SelectMany(k => k.Cases).Where(c => c.MeasuredCycles > 0 && c.PredictedCycles > 0).ToList();
        if (all.Count == 0)
            return PlotStyle.NoData(title);
        var plot = PlotStyle.NewPlot(title);
        plot.XLabel("Measured cycles (log scale)");
        plot.YLabel("Predicted cycles, 95 % prediction interval (log scale)");
        var values = all.SelectMany(c => new[] { c.MeasuredCycles, c.PredictedCycles }).ToList();
        double low = Math.Log10(values.Min()) - 0.2, high = Math.Log10(values.Max()) + 0.2;
        var diagonal = plot.Add.Line(low, low, high, high);
        diagonal.Color = Colors.Gray;
        diagonal.LegendText = "y = x";
        for (int k = 0; k < report.Kernels.Count; k++)
        {
            var kernel = report.Kernels[k];
            var color = plot.Add.Palette.GetColor(k);
            foreach (var c in kernel.Cases.Where(c => c.MeasuredCycles > 0 && c.IntervalLowCycles > 0 && double.IsFinite(c.IntervalHighCycles)))
            {
                var bar = plot.Add.Line(Math.Log10(c.MeasuredCycles), Math.Log10(c.IntervalLowCycles), Math.Log10(c.MeasuredCycles), Math.Log10(c.IntervalHighCycles));
                bar.Color = color.WithAlpha(0.5);
                bar.LineWidth = 1.5f;
                bar.MarkerSize = 0;
            }

            foreach (var heldOut in new[] { false, true })
            {
                var cases = kernel.Cases.Where(c => c.Case.HeldOut == heldOut && c.MeasuredCycles > 0 && c.PredictedCycles > 0).ToList();
                if (cases.Count == 0)
                    continue;
                var points = plot.Add.ScatterPoints(cases.Select(c => Math.Log10(c.MeasuredCycles)).ToArray(),
                    cases.Select(c => Math.Log10(c.PredictedCycles)).ToArray(), color);
                points.MarkerShape = heldOut ? MarkerShape.OpenSquare : MarkerShape.FilledCircle;
                points.MarkerSize = heldOut ? 10 : 7;
                points.LegendText = heldOut
                    ? string.Create(CultureInfo.InvariantCulture, $"{CalibrationRow.KernelName(kernel.Kernel)} held-out (MAPE {kernel.HeldOutMapePct:F1} %)")
                    : $"{CalibrationRow.KernelName(kernel.Kernel)} fit";
            }
        }

        plot.Axes.SetLimits(low, high, low, high);
        plot.Axes.Bottom.TickGenerator = new NumericManual(LogTicks.Log10(low, high));
        plot.Axes.Left.TickGenerator = new NumericManual(LogTicks.Log10(low, high));
        plot.ShowLegend(Edge.Right);
        return plot;
    }

    internal static Plot Roofline(CalibrationReport report)
    {
        var title = $"sim calibrate --target {report.Target}: fp32 GEMM roofline";
        var cases = report.GemmFit?.Cases.Where(c => c.TrafficBytes > 0 && c.MeasuredSeconds > 0).ToList() ?? [];
        if (cases.Count == 0 || report.Gemm is not { } gemm)
            return PlotStyle.NoData(title);
        var plot = PlotStyle.NewPlot(title);
        plot.XLabel("Arithmetic intensity (FLOPs per modelled traffic byte, log scale)");
        plot.YLabel("Measured GFLOP/s (log scale)");
        double Intensity(CaseResult c) => 2.0 * c.Macs / c.TrafficBytes;
        double Gflops(CaseResult c) => 2.0 * c.Macs / c.MeasuredSeconds / 1e9;
        var isaPeak = 2.0 * gemm.Tile.PeCount * report.ClockGhz;
        var fittedPeak = isaPeak * gemm.Tile.Efficiency;
        var bandwidthGbPerS = gemm.BandwidthBytesPerCycle * report.ClockGhz;
        double xLow = Math.Log10(cases.Min(Intensity)) - 0.3, xHigh = Math.Log10(cases.Max(Intensity)) + 0.3;
        var ais = Enumerable.Range(0, 61).Select(i => xLow + ((xHigh - xLow) * i / 60)).ToArray();
        var roof = plot.Add.Scatter(ais, ais.Select(a => Math.Log10(Math.Min(fittedPeak, bandwidthGbPerS * Math.Pow(10, a)))).ToArray(), plot.Add.Palette.GetColor(1));
        roof.MarkerSize = 0;
        roof.LineWidth = 2;
        roof.LegendText = string.Create(CultureInfo.InvariantCulture,
            $"fitted roof: {fittedPeak:F0} GFLOP/s (efficiency {gemm.Tile.Efficiency:P0}), {bandwidthGbPerS:F1} GB/s");
        var peak = plot.Add.Line(xLow, Math.Log10(isaPeak), xHigh, Math.Log10(isaPeak));
        peak.Color = Colors.Gray;
        peak.MarkerSize = 0;
        peak.LegendText = string.Create(CultureInfo.InvariantCulture, $"ISA peak at the measured clock: {isaPeak:F0} GFLOP/s");
        foreach (var heldOut in new[] { false, true })
        {
            var subset = cases.Where(c => c.Case.HeldOut == heldOut).ToList();
            if (subset.Count == 0)
                continue;
            var points = plot.Add.ScatterPoints(subset.Select(c => Math.Log10(Intensity(c))).ToArray(), subset.Select(c => Math.Log10(Gflops(c))).ToArray(), plot.Add.Palette.GetColor(0));
            points.MarkerShape = heldOut ? MarkerShape.OpenSquare : MarkerShape.FilledCircle;
            points.MarkerSize = heldOut ? 10 : 7;
            points.LegendText = heldOut ? "measured, held-out" : "measured, fit";
        }

        double yLow = Math.Log10(cases.Min(Gflops)) - 0.2, yHigh = Math.Log10(Math.Max(isaPeak, cases.Max(Gflops))) + 0.2;
        plot.Axes.SetLimits(xLow, xHigh, yLow, yHigh);
        plot.Axes.Bottom.TickGenerator = new NumericManual(LogTicks.Log10(xLow, xHigh));
        plot.Axes.Left.TickGenerator = new NumericManual(LogTicks.Log10(yLow, yHigh));
        plot.ShowLegend(Edge.Right);
        return plot;
    }
}
