using Sim.Arch.Cube3D;
using Sim.Core.Hardware;
using Sim.Core.Workloads;

namespace Sim.Arch.Tests.Cube3D;

/// <summary>
/// Compute cycles pinned to hand derivations of compute = (folds − 1)·max(kSteps, M0) + kSteps + (D − 1) + M0,
/// kSteps = ⌈K/K0⌉, D = 2 + ⌈log2 K0⌉, folds = ⌈M/M0⌉·⌈N/N0⌉.
/// </summary>
public class Cube3DCyclesTests
{
    private static Sim.Core.Results.OpResult Run(long m, long n, long k, int m0, int k0, int n0) =>
        new Cube3DModel().Evaluate("t", new GemmShape(m, n, k), ArchSpec.Default(new Cube3DSpec(m0, k0, n0)), SimMode.Default);

    [Fact]
    public void Davinci_cube_single_block()
    {
        // 16^3 on 16x16x16: kSteps = 1, folds = 1, D = 1 + log2 16 + 1 = 6: 0 + 1 + 5 + 16 = 22.
        var r = Run(16, 16, 16, 16, 16, 16);
        Assert.Equal(1, r.Folds);
        Assert.Equal(22, r.ComputeCycles);
    }

    [Fact]
    public void Issue_bound_with_partial_folds_and_a_partial_last_step()
    {
        // M=100 N=300 K=1000 on 16^3: rows ⌈100/16⌉ = 7 (last 4 rows), cols ⌈300/16⌉ = 19 (last 12 cols),
        // folds 133, kSteps ⌈1000/16⌉ = 63 (last step 8 lanes), P = max(63, 16) = 63, D = 6:
        // 132·63 + 63 + 5 + 16 = 8316 + 84 = 8400.
        var r = Run(100, 300, 1000, 16, 16, 16);
        Assert.Equal(133, r.Folds);
        Assert.Equal(8400, r.ComputeCycles);
    }

    [Fact]
    public void Drain_bound_when_m0_exceeds_the_k_steps()
    {
        // The overlap rule binds: M=64 N=32 K=32 on 16^3: kSteps = 2 < M0 = 16, so folds start 16 apart.
        // folds 4·2 = 8: 7·16 + 2 + 5 + 16 = 135 (issue-bound it would be 7·2 + 23 = 37).
        var r = Run(64, 32, 32, 16, 16, 16);
        Assert.Equal(8, r.Folds);
        Assert.Equal(135, r.ComputeCycles);
    }

    [Fact]
    public void Non_power_of_two_k0_rounds_the_tree_depth_up()
    {
        // M=7 N=5 K=11 on 4x5x3: kSteps ⌈11/5⌉ = 3, D = 1 + ⌈log2 5⌉ = 3 + 1 = 5; folds ⌈7/4⌉·⌈5/3⌉ = 2·2 = 4,
        // P = max(3, 4) = 4: 3·4 + 3 + 4 + 4 = 23.
        var r = Run(7, 5, 11, 4, 5, 3);
        Assert.Equal(4, r.Folds);
        Assert.Equal(23, r.ComputeCycles);
    }

    [Fact]
    public void K0_of_one_has_no_adder_tree()
    {
        // M=N=K=3 on 2x1x2: kSteps 3, D = 1 + 0 + 1 = 2, folds 2·2 = 4, P = max(3, 2) = 3: 3·3 + 3 + 1 + 2 = 15.
        Assert.Equal(15, Run(3, 3, 3, 2, 1, 2).ComputeCycles);
    }

    [Fact]
    public void Gemv_drains_the_whole_block_per_fold()
    {
        // M=1 N=300 K=100 on 16^3: folds 1·19, kSteps ⌈100/16⌉ = 7; one active row but the drain walks all 16:
        // P = 16: 18·16 + 7 + 5 + 16 = 316.
        Assert.Equal(316, Run(1, 300, 100, 16, 16, 16).ComputeCycles);
    }

    [Fact]
    public void Deeper_adder_tree_makes_a_tiny_op_one_fill_cycle_slower()
    {
        // A real effect, not a bug: growing K0 from 1 to 2 adds a tree level. 1x1x1 GEMM:
        // 1x1x1 cube: D = 2 -> 0 + 1 + 1 + 1 = 3;  1x2x1 cube: D = 3, kSteps still 1 -> 0 + 1 + 2 + 1 = 4.
        Assert.Equal(3, Run(1, 1, 1, 1, 1, 1).ComputeCycles);
        Assert.Equal(4, Run(1, 1, 1, 1, 2, 1).ComputeCycles);
    }

    [Fact]
    public void Taller_cube_can_be_slower_because_the_drain_walks_all_m0_rows()
    {
        // A real effect: M=1 N=1 K=16, K0 = 16 (kSteps 1, D 6), N0 = 1. M0 = 1: 0 + 1 + 5 + 1 = 7;
        // M0 = 16: the single active row still drains in 16 cycles: 0 + 1 + 5 + 16 = 22.
        Assert.Equal(7, Run(1, 1, 16, 1, 16, 1).ComputeCycles);
        Assert.Equal(22, Run(1, 1, 16, 16, 16, 1).ComputeCycles);
    }

    [Fact]
    public void Utilization_and_mapping_efficiency_follow_their_definitions()
    {
        // M=100 N=300 K=1000 on 16^3 (see above): MACs 3·10^7, PEs 4096, 133 folds × 63 steps, 8400 cycles.
        var r = Run(100, 300, 1000, 16, 16, 16);
        Assert.Equal(30_000_000.0 / (4096.0 * 133 * 63), r.MappingEfficiency, 12);
        Assert.Equal(30_000_000.0 / (4096.0 * 8400), r.ComputeUtilization, 12);
        Assert.Equal(r.ComputeUtilization, r.Utilization, 12); // unlimited DRAM: no stalls
    }
}
