using Sim.Arch.Calibrated;
using Sim.Arch.Native;

namespace Sim.Explorer.Calibration;

/// <summary>
/// Measures every case, then fits each kernel's linear model on its fit shapes and predicts all shapes, so the
/// held-out error is the error of a model that never saw them. A kernel the target does not support, or with fewer
/// fit shapes than coefficients + 1, is skipped with a reason.
/// </summary>
public sealed class Calibrator(KernelFeatures features, IKernelTimer timer, double clockGhz)
{
    public (IReadOnlyList<KernelCalibration> Kernels, IReadOnlyList<string> Skipped) Run(
        IReadOnlyList<CalibrationCase> cases, Func<CalibrationCase, bool> supported, Func<CalibrationCase, long> macs,
        NativeGemmBlocking blocking, TextWriter progress)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(supported);
        ArgumentNullException.ThrowIfNull(macs);
        ArgumentNullException.ThrowIfNull(progress);
        var kernels = new List<KernelCalibration>();
        var skipped = new List<string>();
        foreach (var group in cases.GroupBy(c => c.Kernel))
        {
            var runnable = group.Where(supported).ToList();
            var names = KernelFeatures.Names(group.Key);
            var fitCount = runnable.Count(c => !c.HeldOut);
            if (fitCount < names.Count + 1)
            {
                skipped.Add($"{group.Key}: {fitCount} supported fit shapes, need at least {names.Count + 1}");
                continue;
            }

            var measured = new List<(CalibrationCase Case, double Seconds, double[] X)>();
            foreach (var c in runnable)
            {
                var seconds = timer.MedianSeconds(c);
                progress.WriteLine(FormattableString.Invariant($"  {c.Name,-44} {c.Split,-8} {seconds * 1e3,10:F3} ms"));
                measured.Add((c, seconds, features.Of(c)));
            }

            var fitRows = measured.Where(m => !m.Case.HeldOut).ToList();
            var fit = LinearFit.Fit([.. fitRows.Select(m => m.X)], [.. fitRows.Select(m => Cycles(m.Seconds))]);
            var results = measured.Select(m =>
            {
                var (low, high) = fit.Interval(m.X);
                var traffic = m.Case.Gemm is { } g ? CalibratedFeatures.Of(g, blocking, KernelFeatures.WordBytes).TrafficBytes : double.NaN;
                return new CaseResult(m.Case, m.Seconds, Cycles(m.Seconds), fit.Predict(m.X), low, high, macs(m.Case), traffic);
            }).ToList();
            kernels.Add(new KernelCalibration(group.Key, names, fit, results));
        }

        return (kernels, skipped);
    }

    private double Cycles(double seconds) => seconds * clockGhz * 1e9;
}
