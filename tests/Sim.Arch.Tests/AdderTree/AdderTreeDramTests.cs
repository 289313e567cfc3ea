using CsCheck;
using Sim.Arch.AdderTree;
using Sim.Arch.Memory;
using Sim.Core.Hardware;
using Sim.Core.Workloads;

namespace Sim.Arch.Tests.AdderTree;

/// <summary>
/// DRAM traffic and stalls through <see cref="FoldTraffic"/>, each fold a window of its period max(M, c), c its active
/// lanes.
/// </summary>
public class AdderTreeDramTests
{
    [Fact]
    public void Single_fold_traffic_and_stalls_by_hand()
    {
        // 4^3 GEMM on L=4 T=4, int8, DRAM 4 B/cycle, 10-cycle latency. One WS fold: B 16 B + A 16 B up front
        // (10 + 32/4 = 18 stall), Z 16 B drained at the end (16/4 = 4; writes are posted, no latency) -> 22.
        // Compute: 4 + 0 + 4 + (1+2+1-1) = 11.
        var arch = new ArchSpec("t", new AdderTreeSpec(4, 4), new ScratchpadSpec(64, 64, 64), new DramSpec(4, 10), 1, 1);
        var r = new AdderTreeModel().Evaluate("t", new GemmShape(4, 4, 4), arch, SimMode.Default);
        Assert.Equal((16L, 16L, 16L, 0L), (r.DramReadsIfmapBytes, r.DramReadsFilterBytes, r.DramWritesOfmapBytes, r.DramReadsOfmapBytes));
        Assert.Equal(11, r.ComputeCycles);
        Assert.Equal(22, r.StallCycles);
        Assert.Equal(64.0 / (16.0 * 33), r.Utilization, 12);
    }

    [Fact]
    public void A_partial_column_fold_has_a_shorter_window_by_hand()
    {
        // M=1 N=6 K=4 on L=4 T=4, int8, DRAM 1 B/cycle, 2-cycle latency, everything fits on chip. Folds: 4 lanes, then 2.
        // Fold 0 (window max(1,4) = 4): B 16 B + A 4 B up front: 2 + 20 = 22 stall; writes Z 4 B.
        // Fold 1 (window max(1,2) = 2): B 4*2 = 8 B during fold 0's window: 2 + 8 - 4 = 6 stall; writes Z 2 B.
        // Finish: fold 0's 4 B writeback shares fold 1's 2-cycle window: 4 - 2 = 2; fold 1's 2 B exposed: 2.
        // Stalls 22 + 6 + 2 + 2 = 32 (a full-grid window of 4 for fold 1 would hide the 4 B: 30).
        // Compute: 4 + max(1,2) + 1 + (1+2+1-1) = 10.
        var arch = new ArchSpec("t", new AdderTreeSpec(4, 4), new ScratchpadSpec(64, 64, 64), new DramSpec(1, 2), 1, 1);
        var r = new AdderTreeModel().Evaluate("t", new GemmShape(1, 6, 4), arch, SimMode.Default);
        Assert.Equal((4L, 24L, 6L, 0L), (r.DramReadsIfmapBytes, r.DramReadsFilterBytes, r.DramWritesOfmapBytes, r.DramReadsOfmapBytes));
        Assert.Equal(10, r.ComputeCycles);
        Assert.Equal(32, r.StallCycles);
        Assert.Equal(24.0 / (16.0 * 42), r.Utilization, 12);
    }

    [Fact]
    public void Memory_bound_stalls_equal_the_fold_by_fold_walk()
    {
        // M=64 N=256 K=256 on L=16 T=16: 256 folds of max(64,16) = 64 cycles. A (16 KiB) exceeds its 4 KiB scratchpad
        // and is re-read per fold; each fold also reads 256 B of weights: ~1.3 KB per 64 cycles against 2 B/cycle.
        GemmShape gemm = new(64, 256, 256);
        var arch = new ArchSpec("t", new AdderTreeSpec(16, 16), new ScratchpadSpec(4, 4, 4), new DramSpec(2, 40), 1, 1);
        var r = new AdderTreeModel().Evaluate("t", gemm, arch, SimMode.Default);
        var g = AdderTreeModel.Geometry(gemm, (AdderTreeSpec)arch.Tile);
        var walk = FoldTraffic.Compute(g, gemm, arch, PartialSumWidth.Bytes(arch, SimMode.Default), (_, _) => 64, collapseRepeats: false);
        Assert.True(r.StallCycles > 0);
        Assert.Equal(walk.StallCycles, r.StallCycles);
        Assert.Equal((walk.IfmapBytes, walk.FilterBytes, walk.OfmapWriteBytes, walk.OfmapReadBytes),
            (r.DramReadsIfmapBytes, r.DramReadsFilterBytes, r.DramWritesOfmapBytes, r.DramReadsOfmapBytes));
        Assert.True(r.Utilization < r.ComputeUtilization);
    }

    [Fact]
    public void Stalls_equal_the_fold_by_fold_walk_on_random_shapes()
    {
        Gen.Select(Gen.Long[1, 300], Gen.Long[1, 300], Gen.Long[1, 300], Gen.Int[1, 16], Gen.Int[1, 16], Gen.Double[0.05, 64])
            .Sample((m, n, k, lanes, width, kb) =>
            {
                GemmShape gemm = new(m, n, k);
                var spec = new AdderTreeSpec(lanes, width);
                var arch = new ArchSpec("s", spec, new ScratchpadSpec(kb, kb, kb / 4), new DramSpec(kb / 8, 30), 1, 1);
                var r = new AdderTreeModel().Evaluate("p", gemm, arch, SimMode.Default);
                var walk = FoldTraffic.Compute(AdderTreeModel.Geometry(gemm, spec), gemm, arch, PartialSumWidth.Bytes(arch, SimMode.Default), (_, cols) => Math.Max(m, cols), collapseRepeats: false);
                return r.StallCycles == walk.StallCycles && r.DramBytes == walk.IfmapBytes + walk.FilterBytes + walk.OfmapWriteBytes + walk.OfmapReadBytes;
            });
    }
}
