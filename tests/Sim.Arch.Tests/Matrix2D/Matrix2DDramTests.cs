using CsCheck;
using Sim.Arch.Matrix2D;
using Sim.Arch.Memory;
using Sim.Core.Hardware;
using Sim.Core.Workloads;

namespace Sim.Arch.Tests.Matrix2D;

public class Matrix2DDramTests
{
    private static ArchSpec Arch(int rows, int cols, ScratchpadSpec pads, DramSpec dram) =>
        new("t", new Matrix2DSpec(rows, cols), pads, dram, 1, 1);

    [Fact]
    public void Single_fold_load_and_drain_are_exposed()
    {
        // 4^3 on 4x4, int8: A 16 B + B 16 B up front (10 + 32/4 = 18), Z 16 B drained at the end (16/4 = 4).
        var r = new Matrix2DModel().Evaluate("t", new GemmShape(4, 4, 4), Arch(4, 4, new(64, 64, 64), new DramSpec(4, 10)), SimMode.Default);
        Assert.Equal((16L, 16L, 16L, 0L), (r.DramReadsIfmapBytes, r.DramReadsFilterBytes, r.DramWritesOfmapBytes, r.DramReadsOfmapBytes));
        Assert.Equal(22, r.StallCycles);
        Assert.Equal(9 + 22, r.TotalCycles);
        Assert.Equal(64.0 / (16.0 * 31), r.Utilization, 12);
    }

    [Fact]
    public void Memory_bound_two_folds_by_hand_equal_the_uncollapsed_walk()
    {
        // 8x4x2 on 4x4, int8, 1 B/cycle, no latency: 2 row folds, period max(K=2, R=4) = 4; compute 4 + 2 + 1 + 4 = 11.
        // fold 0: A 4*2 + B 2*4 = 16 B up front: 16 stall; writes 16.
        // fold 1: A 8 B in fold 0's 4-cycle window: 8 - 4 = 4 stall; writes 16.
        // finish: fold 0's 16 B writeback in fold 1's window: 16 - 4 = 12; fold 1's 16 B exposed: 16. Total 48.
        GemmShape gemm = new(8, 4, 2);
        var arch = Arch(4, 4, new(64, 64, 64), new DramSpec(1, 0));
        var r = new Matrix2DModel().Evaluate("t", gemm, arch, SimMode.Default);
        Assert.Equal(11, r.ComputeCycles);
        Assert.Equal(48, r.StallCycles);
        var walk = FoldTraffic.Compute(Matrix2DModel.Geometry(gemm, new Matrix2DSpec(4, 4)), gemm, arch, PartialSumWidth.Bytes(arch, SimMode.Default), (_, _) => 4, collapseRepeats: false);
        Assert.Equal(walk.StallCycles, r.StallCycles);
    }

    [Fact]
    public void A_partial_row_fold_shortens_the_window_that_hides_writeback()
    {
        // 6x4x2 on 4x4, int8, 1 B/cycle, no latency; A (12 B) and B (8 B) fit their pads, so each is fetched once.
        // Row folds: 4 rows (cycles max(K=2, 4) = 4), then 2 rows (max(2, 2) = 2); compute 4 + 2 + 1 + 2 = 9.
        // fold 0: A 4*2 + B 2*4 = 16 B up front: 16 stall; writes 4*4 = 16.
        // fold 1: A 2*2 = 4 B in fold 0's 4-cycle window: 4 - 4 = 0 stall; writes 2*4 = 8.
        // finish: fold 0's 16 B writeback in fold 1's 2-cycle window: 16 - 2 = 14; fold 1's 8 B exposed: 8.
        // Total 16 + 0 + 14 + 8 = 38 (charging fold 1 the full 4-row period would hide 2 more: 36).
        GemmShape gemm = new(6, 4, 2);
        var arch = Arch(4, 4, new(64, 64, 64), new DramSpec(1, 0));
        var r = new Matrix2DModel().Evaluate("t", gemm, arch, SimMode.Default);
        Assert.Equal(9, r.ComputeCycles);
        Assert.Equal(38, r.StallCycles);
        Assert.Equal((12L, 8L, 24L, 0L), (r.DramReadsIfmapBytes, r.DramReadsFilterBytes, r.DramWritesOfmapBytes, r.DramReadsOfmapBytes));
    }

    [Fact]
    public void Stalls_equal_the_fold_by_fold_walk()
    {
        // Per-fold cycles max(K, r) from each fold's own active rows r, written out here independently of the model.
        Gen.Select(Gen.Long[1, 300], Gen.Long[1, 300], Gen.Long[1, 300], Gen.Int[1, 16], Gen.Int[1, 16], Gen.Double[0.05, 64])
            .Sample((m, n, k, rows, cols, kb) =>
            {
                var gemm = new GemmShape(m, n, k);
                var arch = Arch(rows, cols, new(kb, kb, kb / 4), new DramSpec(kb / 8, 30));
                var r = new Matrix2DModel().Evaluate("p", gemm, arch, SimMode.Default);
                var g = Matrix2DModel.Geometry(gemm, new Matrix2DSpec(rows, cols));
                var walk = FoldTraffic.Compute(g, gemm, arch, PartialSumWidth.Bytes(arch, SimMode.Default), (activeRows, _) => Math.Max(k, activeRows), collapseRepeats: false);
                return r.StallCycles == walk.StallCycles
                    && r.DramReadsIfmapBytes == walk.IfmapBytes && r.DramReadsFilterBytes == walk.FilterBytes
                    && r.DramWritesOfmapBytes == walk.OfmapWriteBytes && r.DramReadsOfmapBytes == walk.OfmapReadBytes;
            });
    }

    [Fact]
    public void Memory_bound_many_folds_stall_and_equal_the_uncollapsed_walk()
    {
        // 256x256x8 on 8x8: 1024 folds of period 8, but each new row fold needs 64 B of A (8 rows x K 8, int8) at
        // 1 B/cycle: far more than 8 cycles, so the walk stalls on every fold.
        GemmShape gemm = new(256, 256, 8);
        var arch = Arch(8, 8, new(1, 64, 64), new DramSpec(1, 20));
        var r = new Matrix2DModel().Evaluate("t", gemm, arch, SimMode.Default);
        var walk = FoldTraffic.Compute(Matrix2DModel.Geometry(gemm, new Matrix2DSpec(8, 8)), gemm, arch, PartialSumWidth.Bytes(arch, SimMode.Default), (_, _) => 8, collapseRepeats: false);
        Assert.True(r.StallCycles > 1024 * 50, $"stall {r.StallCycles}");
        Assert.Equal(walk.StallCycles, r.StallCycles);
        Assert.True(r.Utilization < r.ComputeUtilization);
    }
}
