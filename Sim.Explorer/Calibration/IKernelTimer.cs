namespace Sim.Explorer.Calibration;

/// <summary>
/// Where the cases' times come from: the real target timed with a stopwatch (<see cref="NativeKernelTimer"/>), or, in
/// tests, a known model, so the fit can be checked against the coefficients that made the data.
/// </summary>
public interface IKernelTimer
{
    /// <summary>Median seconds of one run of each case, in the order given.</summary>
    IReadOnlyList<double> MedianSeconds(IReadOnlyList<CalibrationCase> cases);
}
