using Sim.Arch.Memory;
using Sim.Core.Results;
using Sim.Core.Workloads;

namespace Sim.Arch.Folding;

/// <summary>
/// What every fold-based tile model does around its own timing: validate the op, then turn cycles and counts into an
/// <see cref="OpResult"/> with one definition of utilization for all tile kinds.
/// </summary>
public static class FoldResult
{
    /// <summary>Positive dims, and a MAC count that fits 64-bit counters (checked before any walk runs).</summary>
    public static void Validate(string opName, GemmShape gemm)
    {
        if (gemm.M <= 0 || gemm.N <= 0 || gemm.K <= 0)
            throw new ArgumentException($"op '{opName}': GEMM dims must be positive ({gemm})", nameof(gemm));
        _ = gemm.Macs; // checked multiplication: throws OverflowException
    }

    /// <summary>
    /// Utilization = MACs / (PEs × total cycles, stalls included); compute utilization = MACs / (PEs × compute cycles).
    /// Throws <see cref="OverflowException"/> when the MAC count or total cycles exceed 64-bit counters.
    /// </summary>
    public static OpResult Build(string opName, GemmShape gemm, long peCount, long computeCycles, long folds,
        double mappingEfficiency, SramWords sram, DramTraffic dram, long accumulatorAccessBytes)
    {
        var macs = gemm.Macs;
        var totalCycles = checked(computeCycles + dram.StallCycles);
        return new OpResult
        {
            Op = opName,
            Macs = macs,
            ComputeCycles = computeCycles,
            StallCycles = dram.StallCycles,
            Utilization = macs / ((double)peCount * totalCycles),
            ComputeUtilization = macs / ((double)peCount * computeCycles),
            MappingEfficiency = mappingEfficiency,
            Folds = folds,
            SramReadsIfmapWords = sram.IfmapReads,
            SramReadsFilterWords = sram.FilterReads,
            SramWritesOfmapWords = sram.OfmapWrites,
            SramReadsOfmapWords = sram.OfmapReads,
            DramReadsIfmapBytes = dram.IfmapBytes,
            DramReadsFilterBytes = dram.FilterBytes,
            DramWritesOfmapBytes = dram.OfmapWriteBytes,
            DramReadsOfmapBytes = dram.OfmapReadBytes,
            AccumulatorAccessBytes = accumulatorAccessBytes,
        };
    }
}
