using Sim.Arch.Native;

namespace Sim.Explorer.Calibration;

/// <summary>One measured case with the fitted model's prediction and its prediction interval (cycles at the target clock).</summary>
public sealed record CaseResult(
    CalibrationCase Case,
    double MeasuredSeconds,
    double MeasuredCycles,
    double PredictedCycles,
    double IntervalLowCycles,
    double IntervalHighCycles,
    long Macs,
    double TrafficBytes)
{
    /// <summary>(predicted − measured) / measured, in percent.</summary>
    public double ErrorPct => 100 * (PredictedCycles - MeasuredCycles) / MeasuredCycles;
}

/// <summary>One kernel's fitted linear model and its error on the fit and held-out shapes.</summary>
public sealed record KernelCalibration(NativeKernel Kernel, IReadOnlyList<string> FeatureNames, LinearFit Fit, IReadOnlyList<CaseResult> Cases)
{
    public IEnumerable<CaseResult> HeldOut => Cases.Where(c => c.Case.HeldOut);

    public double FitMapePct => Mape(Cases.Where(c => !c.Case.HeldOut));

    public double HeldOutMapePct => Mape(HeldOut);

    public double HeldOutMaxErrorPct => HeldOut.Select(c => Math.Abs(c.ErrorPct)).DefaultIfEmpty(double.NaN).Max();

    /// <summary>Fraction of held-out measurements inside their prediction interval.</summary>
    public double HeldOutCoverage => HeldOut.Select(c => c.MeasuredCycles >= c.IntervalLowCycles && c.MeasuredCycles <= c.IntervalHighCycles ? 1.0 : 0.0)
        .DefaultIfEmpty(double.NaN).Average();

    public static double Mape(IEnumerable<CaseResult> cases) =>
        cases.Select(c => Math.Abs(c.ErrorPct)).DefaultIfEmpty(double.NaN).Average();
}
