using Sim.Arch.Folding;
using Sim.Arch.Memory;
using Sim.Core.Hardware;
using Sim.Core.Results;
using Sim.Core.Workloads;

namespace Sim.Arch.AdderTree;

/// <summary>
/// Cycle and traffic model of a multiplier-adder tree engine (NVDLA CMAC-like, weight stationary) with L lanes of
/// T multipliers. Compute cycles and SRAM counts are closed forms; DRAM traffic and stalls come from
/// <see cref="FoldTraffic"/>.
/// <para>
/// Mapping: a weight-stationary grid of T rows (← K) × L columns (← N), streaming M
/// (<c>FoldGeometry.Of(gemm, Dataflow.Ws, T, L)</c>): lane j of a fold holds the T weights B[k0..k0+T, n0+j].
/// Each cycle one input vector A[m, k0..k0+T] is broadcast to every lane; a lane multiplies its T pairs and its adder
/// tree sums them, so every lane yields one partial sum per cycle, added into Z[m, n0+j] in the ofmap buffer.
/// </para>
/// <para>
/// Derivation of the cycles. Pipeline depth D = 1 (multiply) + ⌈log2 T⌉ (tree) + 1 (add into the output): a vector
/// issued at cycle s has its sums in the buffer at the end of cycle s + D − 1. A fold's weights load lane by lane
/// in L cycles into shadow registers, which become active when the fold starts streaming; the next fold's load
/// starts then, so consecutive folds start max(M, L) cycles apart. Fold 0's load is exposed (starts at 0, streams
/// from L), fold F−1 starts at L + (F−1)·max(M, L), issues its last vector M − 1 cycles later, and that vector
/// drains after D more cycles:
/// compute cycles = L + (F − 1)·max(M, L) + M + (D − 1), with F = ⌈K/T⌉·⌈N/L⌉ folds.
/// FoldTraffic sees each fold as a max(M, L)-cycle window.
/// </para>
/// <para>
/// No SCALE-Sim convention exists for this engine, so <see cref="SimMode"/> does not change any count; it is
/// accepted for the <see cref="ITileModel"/> contract and otherwise ignored.
/// </para>
/// </summary>
public sealed class AdderTreeModel : ITileModel
{
    public string Kind => AdderTreeSpec.KindName;

    public OpResult Evaluate(string opName, GemmShape gemm, ArchSpec arch, SimMode mode)
    {
        ArgumentNullException.ThrowIfNull(arch);
        if (arch.Tile is not AdderTreeSpec spec)
            throw new ArgumentException($"arch '{arch.Name}' has a '{arch.Tile.Kind}' tile, not a multiplier-adder tree", nameof(arch));
        if (spec.Lanes <= 0 || spec.TreeWidth <= 0)
            throw new ArgumentException($"arch '{arch.Name}': lanes and tree width must be positive ({spec})", nameof(arch));
        if (gemm.M <= 0 || gemm.N <= 0 || gemm.K <= 0)
            throw new ArgumentException($"op '{opName}': GEMM dims must be positive ({gemm})", nameof(gemm));

        var macs = gemm.Macs; // checked: an op too large for 64-bit counters fails here, before any walk
        var g = Geometry(gemm, spec);
        var computeCycles = ComputeCycles(g, spec);
        var sram = SramWords(g, gemm);
        var foldCycles = AdderTreeTiming.FoldPeriodCycles(spec, gemm.M);
        var dram = FoldTraffic.Compute(g, gemm, arch, (_, _) => foldCycles);
        var totalCycles = checked(computeCycles + dram.StallCycles);
        return new OpResult
        {
            Op = opName,
            Macs = macs,
            ComputeCycles = computeCycles,
            StallCycles = dram.StallCycles,
            Utilization = macs / ((double)spec.PeCount * totalCycles),
            ComputeUtilization = macs / ((double)spec.PeCount * computeCycles),
            MappingEfficiency = g.MappingEfficiency,
            Folds = g.Folds,
            SramReadsIfmapWords = sram.IfmapReads,
            SramReadsFilterWords = sram.FilterReads,
            SramWritesOfmapWords = sram.OfmapWrites,
            SramReadsOfmapWords = sram.OfmapReads,
            DramReadsIfmapBytes = dram.IfmapBytes,
            DramReadsFilterBytes = dram.FilterBytes,
            DramWritesOfmapBytes = dram.OfmapWriteBytes,
            DramReadsOfmapBytes = dram.OfmapReadBytes,
            AccumulatorAccessBytes = 0, // lane sums go straight into the ofmap buffer (counted as SRAM words)
        };
    }

    /// <summary>The weight-stationary grid: T rows ← K, L columns ← N, M streamed.</summary>
    public static FoldGeometry Geometry(GemmShape gemm, AdderTreeSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return FoldGeometry.Of(gemm, Dataflow.Ws, spec.TreeWidth, spec.Lanes);
    }

    /// <summary>L + (F − 1)·max(M, L) + M + (D − 1); see the class remarks for the derivation.</summary>
    public static long ComputeCycles(FoldGeometry g, AdderTreeSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        checked
        {
            var period = AdderTreeTiming.FoldPeriodCycles(spec, g.StreamDim);
            return AdderTreeTiming.WeightLoadCycles(spec) + (g.Folds - 1) * period + g.StreamDim
                + (AdderTreeTiming.PipelineDepthCycles(spec) - 1);
        }
    }

    /// <summary>
    /// Words moved between the scratchpads and the engine, as systolic WS counts them: each input vector is read once
    /// per fold and broadcast to all lanes (A read once per column fold), every weight once, and each fold writes its
    /// partial sums into Z; every K fold after the first reads the earlier partial sums back to add to them.
    /// Padding (idle leaves and lanes) is generated as zeros, never read.
    /// </summary>
    public static (long IfmapReads, long FilterReads, long OfmapWrites, long OfmapReads) SramWords(FoldGeometry g, GemmShape gemm)
    {
        checked
        {
            long m = gemm.M, n = gemm.N, k = gemm.K;
            return (g.ColFolds * m * k, k * n, g.RowFolds * m * n, (g.RowFolds - 1) * m * n);
        }
    }
}
