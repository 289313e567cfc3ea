using Sim.Arch.Native;
using Sim.Core.Config;
using Sim.Core.Hardware;

namespace Sim.Explorer.Calibration;

/// <summary>
/// Everything one <c>sim calibrate</c> run found: where it ran, the clock and peak it measured (or was given), and each
/// kernel's fit. <see cref="Gemm"/> is the calibrated tile (and DRAM bandwidth) the fp32 GEMM fit stands for, or null
/// with <see cref="GemmProblem"/> saying why none could be written. <see cref="PeakBasis"/> says where
/// <see cref="MacsPerCyclePerUnit"/> came from ("8 lanes x 2 FMA pipes" or the flag that gave it).
/// </summary>
public sealed record CalibrationReport(
    string Target,
    string Device,
    NativeGemmBlocking Blocking,
    double ClockGhz,
    int MacsPerCyclePerUnit,
    string PeakBasis,
    double PeakMacsPerSecondPerUnit,
    string Suite,
    int Repetitions,
    IReadOnlyList<KernelCalibration> Kernels,
    IReadOnlyList<string> Skipped)
{
    public KernelCalibration? GemmFit => Kernels.FirstOrDefault(k => k.Kernel == NativeKernel.GemmF32);

    /// <summary>Fitted coefficients → (launch, 1/(MACs per cycle × efficiency), tile overhead, 1/bandwidth, B-pack cycles per byte) → the tile.</summary>
    public (CalibratedTileSpec Tile, double BandwidthBytesPerCycle)? Gemm => GemmProblem is null ? Tile(GemmFit!.Fit.Coefficients) : null;

    /// <summary>
    /// Why no tile can be written, or null. An efficiency above 1 cannot happen: the fit bounds GEMM's cycles per MAC
    /// below by 1 / <see cref="MacsPerCyclePerUnit"/> (<see cref="Calibrator"/>); a GEMM faster than the stated peak shows
    /// up as <see cref="EfficiencyAtBound"/> instead.
    /// </summary>
    public string? GemmProblem
    {
        get
        {
            if (GemmFit is not { } fit)
                return "no fp32 GEMM fit (the target ran too few GEMM shapes)";
            return fit.Fit.Coefficients[1] > 0 ? null : "the fit gave the MAC term no cost, so no efficiency follows";
        }
    }

    /// <summary>
    /// The fitted cycles per MAC sits at its lower bound 1 / (MACs per cycle per unit): efficiency 1 is then a cap, not
    /// a measurement — the GEMM ran at (or above) the stated peak, so the peak (pipes, lanes, clock) may be too low.
    /// </summary>
    public bool EfficiencyAtBound => GemmProblem is null && RawEfficiency >= 1 - AtBoundTolerance;

    /// <summary>What <c>sim calibrate</c> prints, calibration.json's note and the YAML header say when <see cref="EfficiencyAtBound"/>.</summary>
    public const string AtBoundNote =
        "the GEMM ran at the stated peak: efficiency is capped at 1; check --fma-pipes / --clock-ghz (or --macs-per-cycle-per-unit)";

    /// <summary>Relative slack for "at the bound": the bound is held exactly, this only absorbs 1/(c·M) rounding.</summary>
    private const double AtBoundTolerance = 1e-9;

    private double RawEfficiency => 1 / (GemmFit!.Fit.Coefficients[1] * MacsPerCyclePerUnit);

    /// <summary>A memory term the fit zeroed is written as this bandwidth: no cost at the sizes measured.</summary>
    public const double UnboundedBandwidthBytesPerCycle = 1e12;

    /// <summary>
    /// BlockN as the tile records it: a target with unbounded column blocks (OpenBLAS reports int.MaxValue) is clamped
    /// to the reader's largest block_n. For every N up to that, ⌈N/BlockN⌉ = 1 either way, so the model is unchanged
    /// on those shapes; wider GEMMs re-stream A once per 65536 columns.
    /// </summary>
    public int TileBlockN => (int)Math.Min(Blocking.BlockN, CalibratedTileYaml.MaxBlock);

    private (CalibratedTileSpec, double) Tile(IReadOnlyList<double> c) =>
        (new CalibratedTileSpec(Blocking.Units, MacsPerCyclePerUnit, Blocking.TileM, Blocking.TileN, Blocking.BlockM, TileBlockN,
            Blocking.BlockK, Math.Min(1, RawEfficiency), c[2], c[0], c[4]),
         c[3] > 0 ? 1 / c[3] : UnboundedBandwidthBytesPerCycle);
}
