using Sim.Arch.Native;
using Sim.Core.Hardware;

namespace Sim.Explorer.Calibration;

/// <summary>
/// Everything one <c>sim calibrate</c> run found: where it ran, the clock and peak it measured, and each kernel's fit.
/// <see cref="Gemm"/> is the calibrated tile (and DRAM bandwidth) the fp32 GEMM fit stands for, or null with
/// <see cref="GemmProblem"/> saying why none could be written.
/// </summary>
public sealed record CalibrationReport(
    string Target,
    string Device,
    NativeGemmBlocking Blocking,
    double ClockGhz,
    int Lanes,
    int FmaPipes,
    double PeakMacsPerSecondPerUnit,
    string Suite,
    int Repetitions,
    IReadOnlyList<KernelCalibration> Kernels,
    IReadOnlyList<string> Skipped)
{
    public int MacsPerCyclePerUnit => Lanes * FmaPipes;

    public KernelCalibration? GemmFit => Kernels.FirstOrDefault(k => k.Kernel == NativeKernel.GemmF32);

    /// <summary>Fitted coefficients → (launch, 1/(MACs per cycle × efficiency), tile overhead, 1/bandwidth, B-pack cycles per byte) → the tile.</summary>
    public (CalibratedTileSpec Tile, double BandwidthBytesPerCycle)? Gemm => GemmProblem is null ? Tile(GemmFit!.Fit.Coefficients) : null;

    public string? GemmProblem
    {
        get
        {
            if (GemmFit is not { } fit)
                return "no fp32 GEMM fit (the target ran too few GEMM shapes)";
            var c = fit.Fit.Coefficients;
            if (!(c[1] > 0))
                return "the fit gave the MAC term no cost, so no efficiency follows";
            var efficiency = 1 / (c[1] * MacsPerCyclePerUnit);
            return efficiency > 1
                ? FormattableString.Invariant($"the fitted efficiency {efficiency:F3} is above 1: the GEMM ran faster than the measured FMA peak (rerun on an idle machine)")
                : null;
        }
    }

    /// <summary>A memory term the fit zeroed is written as this bandwidth: no cost at the sizes measured.</summary>
    public const double UnboundedBandwidthBytesPerCycle = 1e12;

    private (CalibratedTileSpec, double) Tile(IReadOnlyList<double> c) =>
        (new CalibratedTileSpec(Blocking.Units, MacsPerCyclePerUnit, Blocking.TileM, Blocking.TileN, Blocking.BlockM, Blocking.BlockN,
            Blocking.BlockK, 1 / (c[1] * MacsPerCyclePerUnit), c[2], c[0], c[4]),
         c[3] > 0 ? 1 / c[3] : UnboundedBandwidthBytesPerCycle);
}
