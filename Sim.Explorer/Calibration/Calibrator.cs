using Sim.Arch.Calibrated;
using Sim.Arch.Native;

namespace Sim.Explorer.Calibration;

/// <summary>
/// Measures every supported case, then fits each kernel's linear model on its fit shapes and predicts all shapes, so
/// the held-out error is the error of a model that never saw them. A kernel with fewer supported fit shapes than
/// coefficients + 1 is skipped with a reason. The clock (seconds → cycles) is asked for after the measurements, so a
/// peak probe sampled between measurement rounds is complete.
/// </summary>
public sealed class Calibrator(KernelFeatures features, IKernelTimer timer)
{
    public (IReadOnlyList<KernelCalibration> Kernels, IReadOnlyList<string> Skipped) Run(
        IReadOnlyList<CalibrationCase> cases, Func<CalibrationCase, bool> supported, Func<CalibrationCase, long> macs,
        NativeGemmBlocking blocking, Func<double> clockGhz, int gemmMacsPerCyclePerUnit, TextWriter progress)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(supported);
        ArgumentNullException.ThrowIfNull(macs);
        ArgumentNullException.ThrowIfNull(clockGhz);
        ArgumentNullException.ThrowIfNull(progress);
        var skipped = new List<string>();
        var runnable = new List<CalibrationCase>();
        foreach (var group in cases.GroupBy(c => c.Kernel))
        {
            var supportedCases = group.Where(supported).ToList();
            var need = KernelFeatures.Names(group.Key).Count + 1;
            var fitCount = supportedCases.Count(c => !c.HeldOut);
            if (fitCount < need)
                skipped.Add($"{group.Key}: {fitCount} supported fit shapes, need at least {need}");
            else
                runnable.AddRange(supportedCases);
        }

        var seconds = timer.MedianSeconds(runnable);
        var hz = clockGhz() * 1e9;
        var measured = runnable.Select((c, i) => (Case: c, Seconds: seconds[i], X: features.Of(c))).ToList();
        foreach (var m in measured)
            progress.WriteLine(FormattableString.Invariant($"  {m.Case.Name,-44} {m.Case.Split,-8} {m.Seconds * 1e3,10:F3} ms"));
        var kernels = new List<KernelCalibration>();
        foreach (var group in measured.GroupBy(m => m.Case.Kernel))
        {
            var fitRows = group.Where(m => !m.Case.HeldOut).ToList();
            var fit = LinearFit.Fit([.. fitRows.Select(m => m.X)], [.. fitRows.Select(m => m.Seconds * hz)], LowerBounds(group.Key, gemmMacsPerCyclePerUnit));
            var results = group.Select(m =>
            {
                var (low, high) = fit.Interval(m.X);
                var traffic = m.Case.Gemm is { } g ? CalibratedFeatures.Of(g, blocking, KernelFeatures.WordBytes).TrafficBytes : double.NaN;
                return new CaseResult(m.Case, m.Seconds, m.Seconds * hz, fit.Predict(m.X), low, high, macs(m.Case), traffic);
            }).ToList();
            kernels.Add(new KernelCalibration(group.Key, KernelFeatures.Names(group.Key), fit, results));
        }

        return (kernels, skipped);
    }

    /// <summary>GEMM's cycles per critical MAC is at least the FMA peak's 1 / (lanes × pipes): efficiency ≤ 1 by construction.</summary>
    private static double[]? LowerBounds(NativeKernel kernel, int gemmMacsPerCyclePerUnit) =>
        kernel == NativeKernel.GemmF32 && gemmMacsPerCyclePerUnit > 0
            ? [.. KernelFeatures.Names(kernel).Select((_, j) => j == 1 ? 1.0 / gemmMacsPerCyclePerUnit : 0)]
            : null;
}
