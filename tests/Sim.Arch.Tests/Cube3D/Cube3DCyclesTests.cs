using Sim.Arch.Cube3D;
using Sim.Core.Hardware;
using Sim.Core.Workloads;

namespace Sim.Arch.Tests.Cube3D;

/// <summary>
/// Compute cycles pinned to hand derivations of
/// compute = C·(R − 1)·max(kSteps, M0) + (C − 1)·max(kSteps, r) + kSteps + (D − 1) + r,
/// C = ⌈N/N0⌉ column folds, R = ⌈M/M0⌉ row folds, r = M − (R − 1)·M0 rows in the last row fold, kSteps = ⌈K/K0⌉,
/// D = 2 + ⌈log2 K0⌉: every fold but the last costs max(kSteps, its active rows); the last exposes kSteps + D − 1 + r.
/// </summary>
public class Cube3DCyclesTests
{
    private static Sim.Core.Results.OpResult Run(long m, long n, long k, int m0, int k0, int n0) =>
        new Cube3DModel().Evaluate("t", new GemmShape(m, n, k), ArchSpec.Default(new Cube3DSpec(m0, k0, n0)), SimMode.Default);

    private static long Trace(long m, long n, long k, int m0, int k0, int n0) =>
        Cube3DTraceModel.Run(new GemmShape(m, n, k), new Cube3DSpec(m0, k0, n0)).Cycles;

    [Fact]
    public void Davinci_cube_single_block()
    {
        // 16^3 on 16x16x16: kSteps = 1, C = R = 1, r = 16, D = 1 + log2 16 + 1 = 6: 0 + 0 + 1 + 5 + 16 = 22.
        var r = Run(16, 16, 16, 16, 16, 16);
        Assert.Equal(1, r.Folds);
        Assert.Equal(22, r.ComputeCycles);
    }

    [Fact]
    public void Issue_bound_with_partial_folds_and_a_partial_last_step()
    {
        // M=100 N=300 K=1000 on 16^3: R = ⌈100/16⌉ = 7 (r = 100 − 96 = 4), C = ⌈300/16⌉ = 19 (last 12 cols),
        // folds 133, kSteps ⌈1000/16⌉ = 63 (last step 8 lanes), D = 6. Both periods are issue-bound: max(63, 16) = 63,
        // max(63, 4) = 63: 19·6·63 + 18·63 + 63 + 5 + 4 = 7182 + 1134 + 72 = 8388. Only the last drain is shorter
        // than before (4 rows, not 16).
        var r = Run(100, 300, 1000, 16, 16, 16);
        Assert.Equal(133, r.Folds);
        Assert.Equal(8388, r.ComputeCycles);
    }

    [Fact]
    public void Drain_bound_when_m0_exceeds_the_k_steps()
    {
        // The overlap rule binds: M=64 N=32 K=32 on 16^3: kSteps = 2 < M0 = 16; R = 4 (r = 16), C = 2, D = 6.
        // 2·3·16 + 1·max(2, 16) + 2 + 5 + 16 = 96 + 16 + 23 = 135 (issue-bound it would be 7·2 + 23 = 37).
        var r = Run(64, 32, 32, 16, 16, 16);
        Assert.Equal(8, r.Folds);
        Assert.Equal(135, r.ComputeCycles);
    }

    [Fact]
    public void Drain_bound_partial_row_folds_drain_only_their_rows()
    {
        // M=40 N=40 K=32 on 16^3: kSteps 2, R = 3 (r = 40 − 32 = 8), C = 3, D = 6. Full folds drain 16 rows,
        // partial ones 8: 3·2·16 + 2·max(2, 8) + 2 + 5 + 8 = 96 + 16 + 15 = 127 (all 16 rows would give
        // 8·16 + 2 + 5 + 16 = 151). The cycle-stepped trace agrees.
        Assert.Equal(127, Run(40, 40, 32, 16, 16, 16).ComputeCycles);
        Assert.Equal(127, Trace(40, 40, 32, 16, 16, 16));
    }

    [Fact]
    public void Non_power_of_two_k0_rounds_the_tree_depth_up()
    {
        // M=7 N=5 K=11 on 4x5x3: kSteps ⌈11/5⌉ = 3, D = 1 + ⌈log2 5⌉ + 1 = 1 + 3 + 1 = 5; R = 2 (r = 3), C = 2.
        // Folds in order: (c0, 4 rows) max(3, 4) = 4, (c0, 3 rows) max(3, 3) = 3, (c1, 4 rows) 4, last (c1, 3 rows):
        // 2·1·4 + 1·3 + 3 + 4 + 3 = 21.
        var r = Run(7, 5, 11, 4, 5, 3);
        Assert.Equal(4, r.Folds);
        Assert.Equal(21, r.ComputeCycles);
    }

    [Fact]
    public void K0_of_one_has_no_adder_tree()
    {
        // M=N=K=3 on 2x1x2: kSteps 3, D = 1 + 0 + 1 = 2, R = 2 (r = 1), C = 2:
        // 2·1·max(3, 2) + 1·max(3, 1) + 3 + 1 + 1 = 6 + 3 + 5 = 14.
        Assert.Equal(14, Run(3, 3, 3, 2, 1, 2).ComputeCycles);
    }

    [Fact]
    public void Gemv_drains_only_its_one_row_per_fold()
    {
        // M=1 N=300 K=100 on 16^3: R = 1 (r = 1), C = 19, kSteps ⌈100/16⌉ = 7, D = 6; the one row drains in a cycle,
        // so each fold is issue-bound: 19·0·16 + 18·max(7, 1) + 7 + 5 + 1 = 126 + 13 = 139.
        Assert.Equal(139, Run(1, 300, 100, 16, 16, 16).ComputeCycles);
    }

    [Fact]
    public void Deeper_adder_tree_makes_a_tiny_op_one_fill_cycle_slower()
    {
        // A real effect, not a bug: growing K0 from 1 to 2 adds a tree level. 1x1x1 GEMM (one fold, r = 1, kSteps 1):
        // 1x1x1 cube: D = 2 -> 1 + 1 + 1 = 3;  1x2x1 cube: D = 3 -> 1 + 2 + 1 = 4.
        Assert.Equal(3, Run(1, 1, 1, 1, 1, 1).ComputeCycles);
        Assert.Equal(4, Run(1, 1, 1, 1, 2, 1).ComputeCycles);
    }

    [Fact]
    public void Taller_cube_does_not_pay_for_idle_rows()
    {
        // M=1 N=1 K=16, K0 = 16 (kSteps 1, D 6), N0 = 1: one fold, r = 1 whatever M0 is: 1 + 5 + 1 = 7 for M0 = 1 and
        // for M0 = 16 (a drain of all 16 rows would make it 1 + 5 + 16 = 22).
        Assert.Equal(7, Run(1, 1, 16, 1, 16, 1).ComputeCycles);
        Assert.Equal(7, Run(1, 1, 16, 16, 16, 1).ComputeCycles);
    }

    [Fact]
    public void Taller_cube_can_be_slower_when_a_short_partial_drain_idles_the_drain_port()
    {
        // A real effect of the in-order double-buffered schedule (see Cube3DTiming). M=5 N=2 K=2 on M0×1×1:
        // kSteps 2, D = 2, C = 2.
        // M0 = 3: R = 2, r = 2: 2·1·max(2, 3) + 1·max(2, 2) + 2 + 1 + 2 = 6 + 2 + 5 = 13.
        // M0 = 4: R = 2, r = 1: 2·1·max(2, 4) + 1·max(2, 1) + 2 + 1 + 1 = 8 + 2 + 4 = 14.
        // By hand, M0 = 4: fold 0 (4 rows) writes L0C at 1, 2 and drains 3..6; fold 1 (1 row) writes 3, 4 and drains
        // at 7; fold 2 must wait for fold 0's buffer: writes 7, 8, drains 9..12 — the drain port idles at cycle 8;
        // fold 3 writes 9, 10, drains at 13: done after 14. Bound (C − 1)·(kSteps − r) = 1·(2 − 1) = 1: attained.
        // M0 = 5: R = 1, r = 5: 0 + 1·max(2, 5) + 2 + 1 + 5 = 13 again.
        Assert.Equal(13, Run(5, 2, 2, 3, 1, 1).ComputeCycles);
        Assert.Equal(14, Run(5, 2, 2, 4, 1, 1).ComputeCycles);
        Assert.Equal(13, Run(5, 2, 2, 5, 1, 1).ComputeCycles);
        Assert.Equal(13, Trace(5, 2, 2, 3, 1, 1));
        Assert.Equal(14, Trace(5, 2, 2, 4, 1, 1));
    }

    [Fact]
    public void Utilization_and_mapping_efficiency_follow_their_definitions()
    {
        // M=100 N=300 K=1000 on 16^3 (see above): MACs 3·10^7, PEs 4096, 133 folds × 63 steps, 8388 cycles.
        var r = Run(100, 300, 1000, 16, 16, 16);
        Assert.Equal(30_000_000.0 / (4096.0 * 133 * 63), r.MappingEfficiency, 12);
        Assert.Equal(30_000_000.0 / (4096.0 * 8388), r.ComputeUtilization, 12);
        Assert.Equal(r.ComputeUtilization, r.Utilization, 12); // unlimited DRAM: no stalls
    }
}
