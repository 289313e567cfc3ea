using CsCheck;
using Sim.Arch.Cube3D;
using Sim.Arch.Memory;
using Sim.Core.Hardware;
using Sim.Core.Workloads;

namespace Sim.Arch.Tests.Cube3D;

/// <summary>DRAM traffic and stalls through <see cref="FoldTraffic"/>; a fold's window is max(kSteps, its rows).</summary>
public class Cube3DDramTests
{
    [Fact]
    public void Two_fold_stalls_by_hand()
    {
        // M=4 N=2 K=8 on 2x4x2, int8, 64 KB scratchpads, 2 B/cycle, latency 5. kSteps 2, 2 row folds, window max(2, 2) = 2.
        // Fold 0 reads A 2·8 + B 8·2 = 32 B up front: 5 + 16 = 21. Fold 1 reads its A rows 16 B: 5 + 8 = 13 − 2 = 11.
        // Fold 0's 4 B writeback shares fold 1's window: 2 − 2 = 0; fold 1's 4 B drain exposed: 2. Stalls 34.
        var arch = new ArchSpec("t", new Cube3DSpec(2, 4, 2), new ScratchpadSpec(64, 64, 64), new DramSpec(2, 5), 1, 1);
        var r = new Cube3DModel().Evaluate("t", new GemmShape(4, 2, 8), arch, SimMode.Default);
        Assert.Equal((32L, 16L, 8L, 0L), (r.DramReadsIfmapBytes, r.DramReadsFilterBytes, r.DramWritesOfmapBytes, r.DramReadsOfmapBytes));
        Assert.Equal(34, r.StallCycles);
        // Compute: D = 1 + 2 + 1 = 4: 1·2 + 2 + 3 + 2 = 9.
        Assert.Equal(9 + 34, r.TotalCycles);
    }

    [Fact]
    public void Partial_row_fold_gets_its_own_shorter_window()
    {
        // M=5 N=2 K=8 on 4x4x2, int8, 64 KB scratchpads, 2 B/cycle, latency 5. kSteps 2, R = 2 (r = 1), C = 1.
        // Windows: fold 0 max(2, 4) = 4 (drains 4 rows), fold 1 max(2, 1) = 2 (issue-bound, 1-row drain).
        // Fold 0 reads A 4·8 + B 8·2 = 48 B up front: 5 + 24 = 29. Fold 1 reads its A row 8 B: 5 + 4 = 9 − 4 = 5.
        // Fold 0's 4·2 = 8 B writeback (4 cycles) shares fold 1's 2-cycle window: 4 − 2 = 2; fold 1's 2 B drain
        // exposed: 1. Stalls 29 + 5 + 2 + 1 = 37 (with the full grid's 4-cycle window it would be 35).
        var arch = new ArchSpec("t", new Cube3DSpec(4, 4, 2), new ScratchpadSpec(64, 64, 64), new DramSpec(2, 5), 1, 1);
        var r = new Cube3DModel().Evaluate("t", new GemmShape(5, 2, 8), arch, SimMode.Default);
        // A: 4·8 + 1·8 = 40 B, B: 8·2 = 16 B, Z: 4·2 + 1·2 = 10 B.
        Assert.Equal(
            (40L, 16L, 10L, 0L),
            (r.DramReadsIfmapBytes, r.DramReadsFilterBytes, r.DramWritesOfmapBytes, r.DramReadsOfmapBytes));
        Assert.Equal(37, r.StallCycles);
        // Compute: D = 1 + 2 + 1 = 4: 1·1·max(2, 4) + 0 + 2 + 3 + 1 = 10.
        Assert.Equal(10 + 37, r.TotalCycles);
    }

    [Fact]
    public void Memory_bound_op_stalls_and_matches_the_fold_by_fold_walk()
    {
        // 256^3 int8 on 16^3 at 1 B/cycle: a fold moves ≥ 16·256 = 4096 B of B per column fold in a 16-cycle window
        // (kSteps 16, 16 active rows).
        var gemm = new GemmShape(256, 256, 256);
        var arch = ArchSpec.Default(new Cube3DSpec(16, 16, 16)) with { Dram = new DramSpec(1, 100) };
        var r = new Cube3DModel().Evaluate("t", gemm, arch, SimMode.Default);
        Assert.True(r.StallCycles > 0);
        Assert.Equal(Walk(gemm, arch), (r.StallCycles, r.DramReadsIfmapBytes, r.DramReadsFilterBytes, r.DramWritesOfmapBytes, r.DramReadsOfmapBytes));
    }

    [Fact]
    public void Model_equals_the_fold_by_fold_walk_on_random_shapes()
    {
        Gen.Select(Gen.Long[1, 400], Gen.Long[1, 400], Gen.Long[1, 400], Gen.Int[1, 16], Gen.Int[1, 16], Gen.Int[1, 16], Gen.Double[0.05, 64])
            .Sample((m, n, k, m0, k0, n0, kb) =>
            {
                var gemm = new GemmShape(m, n, k);
                var arch = new ArchSpec("s", new Cube3DSpec(m0, k0, n0), new ScratchpadSpec(kb, kb, kb / 4), new DramSpec(kb / 8, 30), 1, 1);
                var r = new Cube3DModel().Evaluate("p", gemm, arch, SimMode.Default);
                return Walk(gemm, arch) == (r.StallCycles, r.DramReadsIfmapBytes, r.DramReadsFilterBytes, r.DramWritesOfmapBytes, r.DramReadsOfmapBytes);
            });
    }

    [Fact]
    public void Dram_traffic_is_at_least_compulsory()
    {
        Gen.Select(Gen.Long[1, 1500], Gen.Long[1, 1500], Gen.Long[1, 1500], Gen.Int[1, 32], Gen.Int[1, 32], Gen.Int[1, 32], Gen.Double[0.25, 512])
            .Sample((m, n, k, m0, k0, n0, kb) =>
            {
                var arch = new ArchSpec("s", new Cube3DSpec(m0, k0, n0), new ScratchpadSpec(kb, kb, kb), new DramSpec(8, 10), 1, 1);
                var r = new Cube3DModel().Evaluate("p", new GemmShape(m, n, k), arch, SimMode.Default);
                return r.DramReadsIfmapBytes >= m * k && r.DramReadsFilterBytes >= k * n && r.DramWritesOfmapBytes >= m * n;
            });
    }

    /// <summary>The uncollapsed walk over the cube's OS grid, each fold's window max(kSteps, its active rows).</summary>
    private static (long, long, long, long, long) Walk(GemmShape gemm, ArchSpec arch)
    {
        var spec = (Cube3DSpec)arch.Tile;
        var kSteps = (gemm.K + spec.K - 1) / spec.K;
        var g = new Sim.Arch.Folding.FoldGeometry(Dataflow.Os, spec.M, spec.N, gemm.M, gemm.N, kSteps);
        var d = FoldTraffic.Compute(g, gemm, arch, PartialSumWidth.Bytes(arch, SimMode.Default), (rows, _) => Math.Max(kSteps, rows), collapseRepeats: false);
        return (d.StallCycles, d.IfmapBytes, d.FilterBytes, d.OfmapWriteBytes, d.OfmapReadBytes);
    }
}
