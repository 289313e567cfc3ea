using Sim.Arch.LoopNest;
using Sim.Core.Hardware;
using Sim.Core.Mapping;
using Sim.Core.Workloads;
using Sim.Mapping.Graph;
using Sim.Mapping.Layers;
using Sim.Mapping.Network;

namespace Sim.Mapping.Tests.Network;

/// <summary>An op of several instances: one instance's working set, every instance's extra traffic.</summary>
public class LayerOptionInstancesTests
{
    // LayerOptionMenuTests' GEMM (M=8, N=4, K=6, weights 24 B, inputs 48 B read once, tiles W 24 B, I 48 B, O 128 B),
    // here three times over (a batched GEMM of 3 entries).
    private static readonly LoopNestProblem s_problem = LoopNestProblem.FromGemm("g", new GemmShape(8, 4, 6)) with { Instances = 3 };

    private static readonly LoopNestHierarchy s_hierarchy = new([2, 2], ["rows", "cols"], DataSpaces.All, 1,
        new DataSpaceValues(1 << 20, 1 << 20, 1 << 20), 1, 4, double.PositiveInfinity, new DataSpaceValues(0, 0, 0), new LoopNestEnergy(1, 1, 1, 1));

    private static readonly LoopNestMapping s_mapping = new(DataSpace.Weights, new DimVector(1, 1, 1, 8, 1, 1, 1),
        [new DimVector(1, 1, 2, 1, 1, 1, 1), new DimVector(1, 2, 1, 1, 1, 1, 1)], new DimVector(1, 2, 3, 1, 1, 1, 1), DimVector.Ones, LoopDims.All, LoopDims.All);

    private static IReadOnlyList<OpOption> Options(long inputTensorBytes)
    {
        var cost = LoopNestModel.Evaluate(s_problem, s_hierarchy, s_mapping);
        Assert.True(cost.Feasible, cost.Reason);
        var layer = new LayerMapResult(s_problem, MapStatus.Optimal, s_mapping, cost, 0, 0, 0, 0, null);
        return LayerOptionMenu.For(new Gemm("g", 8, 4, 6) { Batch = 3 }, layer, s_hierarchy, [inputTensorBytes], 128);
    }

    [Fact]
    public void Working_sets_are_one_instances_and_extra_traffic_every_instances()
    {
        // The graph's operand is all three entries' A: 3 · 48 B; each entry reads its own 48 B once, so no refetch.
        var options = Options(inputTensorBytes: 144);
        var resident = options.Single(o => !o.Streamed);
        var streamed = options.Single(o => o.Streamed);
        Assert.Equal(2 * (24 + 128), resident.WorkingBytes);
        Assert.Equal(2 * (24 + 48 + 128), streamed.WorkingBytes);
        Assert.Equal(3 * 24, resident.ExtraOffChipBytes);
        Assert.Equal(3 * 24, streamed.ExtraOffChipBytes);
        // Were the graph's tensor only 100 B, the 144 − 100 = 44 B beyond one read are refetches.
        Assert.Equal((3 * 24) + 44, Options(inputTensorBytes: 100).Single(o => o.Streamed).ExtraOffChipBytes);
    }

    [Fact]
    public void A_repeated_cost_scales_counts_and_keeps_ratios()
    {
        var one = LoopNestModel.Evaluate(s_problem, s_hierarchy, s_mapping);
        var all = one.Repeated(3);
        Assert.Equal((3 * one.Macs, 3 * one.LatencyCycles, 3 * one.ComputeCycles, 3 * one.Folds), (all.Macs, all.LatencyCycles, all.ComputeCycles, all.Folds));
        Assert.Equal((3 * one.DramBytes, 3 * one.EnergyFj), (all.DramBytes, all.EnergyFj));
        Assert.Equal((one.Utilization, one.ScratchpadTileBytes, one.RegisterIterations), (all.Utilization, all.ScratchpadTileBytes, all.RegisterIterations));
        Assert.Same(one, one.Repeated(1));
    }
}
