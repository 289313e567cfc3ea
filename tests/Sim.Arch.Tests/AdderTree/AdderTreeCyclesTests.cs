using Sim.Arch.AdderTree;
using Sim.Arch.Folding;
using Sim.Core.Hardware;
using Sim.Core.Workloads;

namespace Sim.Arch.Tests.AdderTree;

/// <summary>
/// Compute cycles pinned to hand derivations of the schedule c_0 + Σ_{i=1}^{F−1} max(M, c_i) + M + (D − 1): fold i
/// loads its c_i active lanes (L, or N mod L in the last column fold) while the previous fold streams M vectors,
/// F = ⌈K/T⌉·⌈N/L⌉, D = 1 + ⌈log2 T⌉ + 1.
/// </summary>
public class AdderTreeCyclesTests
{
    private static Sim.Core.Results.OpResult Run(long m, long n, long k, int lanes, int width, SimMode mode = SimMode.Default) =>
        new AdderTreeModel().Evaluate("t", new GemmShape(m, n, k), ArchSpec.Default(new AdderTreeSpec(lanes, width)), mode);

    [Theory]
    // 1x1x1 on L=1 T=1: F=1, D=1+0+1=2: 1 + 0 + 1 + 1 = 3 (load, multiply, add into Z).
    [InlineData(1, 1, 1, 1, 1, 1, 3)]
    // 8x4x4 on L=4 T=4: one full fold, D=1+2+1=4: 4 + 0 + 8 + 3 = 15.
    [InlineData(8, 4, 4, 4, 4, 1, 15)]
    // M=100 N=10 K=20 on L=4 T=8: K folds ceil(20/8)=3 (8,8,4), N folds ceil(10/4)=3 (4,4,2): F=9, partial folds
    // on both dims; D=1+3+1=5; stream-bound, max(100,4)=100: 4 + 8*100 + 100 + 4 = 908.
    [InlineData(100, 10, 20, 4, 8, 9, 908)]
    // GEMV M=1 N=300 K=100 on L=32 T=16: ceil(100/16)=7 (last 4) x ceil(300/32)=10 (last 300-9*32=12) = 70 folds;
    // D=1+4+1=6. The overlap rule binds: each fold waits for its own weight load. Column folds 0-8 hold folds 0-62
    // with 32 lanes, column fold 9 holds folds 63-69 with 12 lanes:
    // 32 + 62*max(1,32) + 7*max(1,12) + 1 + 5 = 32 + 1984 + 84 + 6 = 2106.
    [InlineData(1, 300, 100, 32, 16, 70, 2106)]
    // Partial column fold hidden by the stream: M=5 N=10 K=4 on L=8 T=4: 1 x 2 folds with 8 and 2 lanes, D=1+2+1=4.
    // The 2-lane load takes 2 < 5 cycles: 8 + max(5,2) + 5 + 3 = 21 (charging all 8 lanes would give 8+8+5+3 = 24).
    [InlineData(5, 10, 4, 8, 4, 2, 21)]
    // Non-power-of-two tree: M=7 N=3 K=12 on L=2 T=5: ceil(12/5)=3 x ceil(3/2)=2 = 6 folds; ceil(log2 5)=3, D=5;
    // max(7,2)=7: 2 + 5*7 + 7 + 4 = 48.
    [InlineData(7, 3, 12, 2, 5, 6, 48)]
    // Tie M = L = 4: M=4 N=8 K=4 on L=4 T=4: 1x2 folds, D=4: 4 + 1*4 + 4 + 3 = 15.
    [InlineData(4, 8, 4, 4, 4, 2, 15)]
    public void Closed_form_by_hand(long m, long n, long k, int lanes, int width, long folds, long cycles)
    {
        var r = Run(m, n, k, lanes, width);
        Assert.Equal(folds, r.Folds);
        Assert.Equal(cycles, r.ComputeCycles);
    }

    [Fact]
    public void Load_bound_gemv_waits_for_weights_not_for_the_stream()
    {
        // M=16 N=64 K=16 on L=32 T=16: 2 folds, D=1+4+1=6. Fold 1's weights load during fold 0's 16-cycle stream but
        // take 32 cycles: 32 + 1*32 + 16 + 5 = 85. With M=32 the stream hides the load exactly: 32 + 32 + 32 + 5 = 101,
        // i.e. 16 more vectors per fold cost only the 16 cycles of the last fold's stream.
        Assert.Equal(85, Run(16, 64, 16, 32, 16).ComputeCycles);
        Assert.Equal(101, Run(32, 64, 16, 32, 16).ComputeCycles);
    }

    [Fact]
    public void Utilization_and_mapping_efficiency_follow_their_definitions()
    {
        // M=100 N=10 K=20 on L=4 T=8 (908 cycles above): 32 multipliers, MACs = 100*10*20 = 20000.
        // Mapping efficiency = (K*N)/(3*8 * 3*4) = 200/288.
        var r = Run(100, 10, 20, 4, 8);
        Assert.Equal(20_000, r.Macs);
        Assert.Equal(200.0 / 288.0, r.MappingEfficiency, 12);
        Assert.Equal(20_000.0 / (32.0 * 908), r.ComputeUtilization, 12);
        Assert.Equal(20_000.0 / (32.0 * 908), r.Utilization, 12); // unlimited DRAM: no stalls
        Assert.Equal(0, r.StallCycles);
        Assert.Equal(0, r.AccumulatorAccessBytes);
    }

    [Fact]
    public void Mode_does_not_change_any_count()
    {
        Assert.Equal(Run(100, 10, 20, 4, 8, SimMode.Default), Run(100, 10, 20, 4, 8, SimMode.ScaleSim));
    }

    [Theory]
    // D = 1 (multiply) + ⌈log2 T⌉ (tree; BinaryAdderTreeTests pins the levels) + 1 (add into the output).
    [InlineData(1, 2)]
    [InlineData(3, 4)]
    [InlineData(16, 6)]
    [InlineData(17, 7)]
    public void Pipeline_depth_is_the_tree_plus_multiply_and_add(int width, int depth) =>
        Assert.Equal(depth, AdderTreeTiming.PipelineDepthCycles(new AdderTreeSpec(1, width)));
}
