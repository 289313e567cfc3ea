using Sim.Arch.Folding;
using Sim.Core.Hardware;
using Sim.Core.Results;
using Sim.Core.Workloads;

namespace Sim.Arch.Calibrated;

/// <summary>
/// Timing of a native GEMM target from fitted parameters (the tile <c>sim calibrate</c> writes):
/// total = launch + computeCycles + overheadCycles + memoryCycles with
/// computeCycles = tilesCrit·TileM·TileN·K / (MACs per cycle per unit · efficiency) (padded MACs of the critical unit),
/// overheadCycles = tilesCrit·⌈K/BlockK⌉·tile overhead, memoryCycles = (A + C bytes) / DRAM bandwidth + B bytes ·
/// B-pack cycles per byte (<see cref="CalibratedFeatures"/>). Reported as compute cycles = launch + compute + overhead and stall cycles = the
/// memory term, each rounded so their sum is the total rounded up. The model adds the terms rather than overlapping
/// them because that is what the fit measured best on a CPU whose packing is not overlapped with compute.
/// <para>
/// Cache-level counters: the micro-kernel reads A's row panel once per column tile (⌈N/TileN⌉·M·K words), B once per
/// row tile (⌈M/TileM⌉·K·N) and writes C once per K block, reading it back for every block after the first. DRAM: the
/// same C traffic, M·N·⌈K/BlockK⌉ words written and M·N·(⌈K/BlockK⌉ − 1) read (the first K block stores C without
/// reading it), so the DRAM bytes are exactly the features' streamed + B-pack bytes.
/// <see cref="SimMode"/> has no meaning here and is ignored.
/// </para>
/// </summary>
public sealed class CalibratedModel : ITileModel
{
    public string Kind => CalibratedTileSpec.KindName;

    public OpResult Evaluate(string opName, GemmShape gemm, ArchSpec arch, SimMode mode)
    {
        ArgumentNullException.ThrowIfNull(arch);
        if (arch.Tile is not CalibratedTileSpec tile)
            throw new ArgumentException($"arch '{arch.Name}' has a '{arch.Tile.Kind}' tile, not a calibrated one", nameof(arch));
        FoldResult.Validate(opName, gemm);
        var f = CalibratedFeatures.Of(gemm, tile, arch.WordBytes);
        var c = CalibratedFeatures.Coefficients(tile, arch.Dram.BandwidthBytesPerCycle);
        var busy = c[0] + c[1] * f.CriticalMacs + c[2] * f.CriticalTileSteps;
        var memory = (c[3] * f.StreamBytes) + (c[4] * f.BPackBytes);
        var totalCycles = checked((long)Math.Ceiling(busy + memory));
        var computeCycles = Math.Max(1, Math.Min(totalCycles, checked((long)Math.Ceiling(busy))));
        totalCycles = Math.Max(totalCycles, computeCycles);
        var macs = gemm.Macs;
        long m = gemm.M, n = gemm.N, k = gemm.K;
        var cSteps = m * n * f.KSteps;
        var word = arch.WordBytes;
        return new OpResult
        {
            Op = opName,
            Macs = macs,
            ComputeCycles = computeCycles,
            StallCycles = totalCycles - computeCycles,
            Utilization = macs / ((double)tile.PeCount * totalCycles),
            ComputeUtilization = macs / ((double)tile.PeCount * computeCycles),
            MappingEfficiency = macs / ((double)f.TilesCritical * tile.Units * tile.TileM * tile.TileN * k),
            Folds = f.Tiles,
            SramReadsIfmapWords = checked(Ceil(n, tile.TileN) * m * k),
            SramReadsFilterWords = checked(Ceil(m, tile.TileM) * k * n),
            SramWritesOfmapWords = cSteps,
            SramReadsOfmapWords = cSteps - m * n,
            DramReadsIfmapBytes = checked(m * k * Ceil(n, tile.BlockN) * word),
            DramReadsFilterBytes = checked(k * n * word),
            DramWritesOfmapBytes = checked(cSteps * word),
            DramReadsOfmapBytes = checked((cSteps - m * n) * word),
            AccumulatorAccessBytes = 0,
        };
    }

    private static long Ceil(long a, long b) => (a + b - 1) / b;
}
