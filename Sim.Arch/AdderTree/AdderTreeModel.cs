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
/// Each cycle one input vector A[m, k0..k0+T] is broadcast to the lanes; a lane multiplies its T pairs and its adder
/// tree sums them, so every active lane yields one partial sum per cycle, added into Z[m, n0+j] in the ofmap buffer.
/// </para>
/// <para>
/// Derivation of the cycles. Pipeline depth D = 1 (multiply) + ⌈log2 T⌉ (tree) + 1 (add into the output): a vector
/// issued at cycle s has its sums in the buffer at the end of cycle s + D − 1. Fold i (column-fold-major order) has
/// c_i active lanes (<c>ActiveCols</c> of its column fold); its weights load one lane per cycle (T weights each, zero
/// past the fold's K rows) into shadow registers, c_i cycles, starting when fold i − 1's weights become active (fold
/// 0's at cycle 0). So fold 0 starts streaming at s_0 = c_0 and fold i at s_i = s_{i−1} + P_i with the fold period
/// P_i = max(M, c_i); fold F − 1 issues its last vector at s_{F−1} + M − 1, which drains D − 1 cycles later:
/// compute cycles = c_0 + Σ_{i=1}^{F−1} P_i + M + (D − 1) = Σ_{i=0}^{F−1} P_i + min(M, c_0) + (D − 1),
/// since c_0 + M − max(M, c_0) = min(M, c_0). Active rows do not change a period, so the F = R·C folds
/// (R = ⌈K/T⌉ K folds, C = ⌈N/L⌉ column folds) have two periods: R·(C − 1) folds of L lanes and R folds of
/// c_last = N − (C − 1)·L lanes, and c_0 = min(L, N). Closed form, O(1):
/// compute cycles = R·(C − 1)·max(M, L) + R·max(M, c_last) + min(M, c_0) + (D − 1).
/// FoldTraffic sees each fold as its period P_i = max(M, c_i), the cycles it adds to the schedule; the windows sum to
/// the compute cycles less min(M, c_0) + D − 1 (the first load's overlap with the first stream, and the drain).
/// </para>
/// <para>
/// Monotonicity. Growing T never removes a fold (R shrinks or stays) but can add tree levels, each a fill cycle D
/// grows by: cycles(T') ≤ cycles(T) + ⌈log2 T'⌉ − ⌈log2 T⌉. Growing the GEMM never removes cycles. Growing L is not
/// monotone, for two real reasons: the first fold's load is exposed and takes c_0 = min(L, N) cycles, so a wider grid
/// that does not save a fold pays its extra lanes once more (M=100 N=100 K=1 T=1: L=50 → 251 cycles, L=60 → 261); and
/// max(M, c) is convex, so widening the full folds past M while the partial last fold still pays M costs more than it
/// saves (M=3 N=9 K=1 T=1: L=3 → 13, L=4 → 15). What holds: L' = k·L or L' ≥ N is never slower, because each wide fold
/// covers whole narrow folds and max(M, a + b) ≤ max(M, a) + max(M, b), a + b ≤ a + max(M, b); and any L' &gt; L adds
/// at most F'·(L' − L) cycles, F' the wider grid's fold count, because the i-th wide fold has at most L' − L more
/// lanes than the i-th narrow fold.
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
        FoldResult.Validate(opName, gemm);
        var g = Geometry(gemm, spec);
        var computeCycles = ComputeCycles(g, spec);
        var sram = SramWords(g, gemm);
        var dram = FoldTraffic.Compute(g, gemm, arch, PartialSumWidth.Bytes(arch, SimMode.Default), (_, activeLanes) => AdderTreeTiming.FoldPeriodCycles(gemm.M, activeLanes));
        return FoldResult.Build(opName, gemm, spec.PeCount, computeCycles, g.Folds, g.MappingEfficiency, sram, dram, accumulatorAccessBytes: 0); // partial sums go to the ofmap buffer (SRAM counts)
    }

    /// <summary>The weight-stationary grid: T rows ← K, L columns ← N, M streamed.</summary>
    public static FoldGeometry Geometry(GemmShape gemm, AdderTreeSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return FoldGeometry.Of(gemm, Dataflow.Ws, spec.TreeWidth, spec.Lanes);
    }

    /// <summary>
    /// R·(C − 1)·max(M, L) + R·max(M, c_last) + min(M, c_0) + (D − 1): the sum of every fold's period, plus the first
    /// fold's exposed load not hidden by a stream, plus the drain; see the class remarks for the derivation.
    /// </summary>
    public static long ComputeCycles(FoldGeometry g, AdderTreeSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        checked
        {
            var m = g.StreamDim;
            var fullColumnFolds = g.RowFolds * (g.ColFolds - 1);
            var periods = fullColumnFolds * AdderTreeTiming.FoldPeriodCycles(m, g.ArrayCols)
                + g.RowFolds * AdderTreeTiming.FoldPeriodCycles(m, g.LastCols);
            var firstLoadExposed = Math.Min(m, AdderTreeTiming.WeightLoadCycles(g.ActiveCols(0)));
            return periods + firstLoadExposed + (AdderTreeTiming.PipelineDepthCycles(spec) - 1);
        }
    }

    /// <summary>
    /// Words moved between the scratchpads and the engine, as systolic WS counts them: each input vector is read once
    /// per fold and broadcast to all lanes (A read once per column fold), every weight once, and each fold writes its
    /// partial sums into Z; every K fold after the first reads the earlier partial sums back to add to them.
    /// Padding (idle leaves and lanes) is generated as zeros, never read.
    /// </summary>
    public static SramWords SramWords(FoldGeometry g, GemmShape gemm)
    {
        checked
        {
            long m = gemm.M, n = gemm.N, k = gemm.K;
            return new(g.ColFolds * m * k, k * n, g.RowFolds * m * n, (g.RowFolds - 1) * m * n);
        }
    }
}
