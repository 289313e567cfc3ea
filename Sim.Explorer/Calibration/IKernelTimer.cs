namespace Sim.Explorer.Calibration;

/// <summary>
/// Where a case's time comes from: the real target timed with a stopwatch (<see cref="NativeKernelTimer"/>), or, in
/// tests, a known model, so the fit can be checked against the coefficients that made the data.
/// </summary>
public interface IKernelTimer
{
    /// <summary>Median seconds of one run of <paramref name="c"/>.</summary>
    double MedianSeconds(CalibrationCase c);
}
