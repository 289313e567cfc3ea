using CsCheck;
using Sim.Arch;
using Sim.Arch.Vector;
using Sim.Core.Hardware;
using Sim.Core.Workloads;
using Sim.Explorer.Analysis;
using Sim.Explorer.Sweeps;

namespace Sim.Explorer.Tests.Sweeps;

/// <summary>The imported-network op kinds through <see cref="PointEvaluator"/>: GEMM instances, vector and opaque ops.</summary>
public class GeneralOpsEvaluationTests
{
    /// <summary>8×8 OS systolic array, 1-byte words, 16 B/cycle DRAM, 128-lane vector unit at 0.5 pJ/op.</summary>
    private static readonly ArchSpec s_arch = new("a", new SystolicSpec(8, 8, Dataflow.Os), new ScratchpadSpec(64, 64, 64), new DramSpec(16, 0), 1, 1)
    {
        Vector = VectorUnitSpec.Default with { PjPerOp = 0.5 },
    };

    /// <summary>Depthwise 3×3 over 16 channels of 8×8, padding 1: 16 groups of M = 64, N = 1, K = 9.</summary>
    internal static Conv2d Depthwise(params string[] inputs) => new("dw", 8, 8, 3, 3, 16, 16, 1, 1, 1, inputs) { Groups = 16 };

    private static Workload Mixed() => new("mixed", [
        Depthwise(),
        new Gemm("qk", 40, 40, 32, ["dw"]) { Batch = 8 },
        new VectorOp("act", ["qk"], "relu", [8, 40, 40], 12_800, 1, 0),
        new OpaqueOp("nms", ["act"], "NonMaxSuppression", null, "no shape rule"),
    ]);

    [Fact]
    public void A_depthwise_conv_is_one_groups_tile_result_times_the_groups()
    {
        var (point, layers) = PointEvaluator.Evaluate("p", new Workload("w", [Depthwise()]), s_arch, SimMode.Default);
        Assert.Equal(RowStatus.Ok, point.Status);
        var row = layers.Single();
        var one = TileEvaluator.Evaluate("dw", new GemmShape(64, 1, 9), s_arch, SimMode.Default);
        Assert.Equal((64L, 1L, 9L, 16L), (row.M, row.N, row.K, row.Instances));
        // OS on 8×8: ⌈64/8⌉·⌈1/8⌉ = 8 folds per group; in default mode a fold crosses only its 1 active column:
        // K + R + 1 − 2 = 16 cycles, so 128 per group; 16 groups one after another.
        Assert.Equal(128, one.ComputeCycles);
        Assert.Equal(16 * 128, row.ComputeCycles);
        Assert.Equal(16 * 64 * 9, row.Macs);
        Assert.Equal(16 * one.Folds, row.Folds);
        Assert.Equal((16 * one.StallCycles, 16 * one.TotalCycles), (row.StallCycles, row.TotalCycles));
        Assert.Equal((16 * one.SramReadsIfmapWords, 16 * one.SramReadsFilterWords, 16 * one.SramWritesOfmapWords),
            (row.SramReadsIfmap, row.SramReadsFilter, row.SramWritesOfmap));
        Assert.Equal((16 * one.DramReadsIfmapBytes, 16 * one.DramReadsFilterBytes, 16 * one.DramWritesOfmapBytes),
            (row.DramReadsIfmap, row.DramReadsFilter, row.DramWritesOfmap));
        Assert.Equal(16 * one.Energy!.TotalPj, row.EnergyPj, 9);
        Assert.Equal(16 * one.Energy.MacPj, row.EnergyMacPj, 9);
        // Ratios stay one group's: only 1 of 8 columns has a filter (N = 1).
        Assert.Equal((one.Utilization, one.MappingEfficiency), (row.Utilization, row.MappingEfficiency));
        Assert.Equal(0.125, row.MappingEfficiency, 12);
    }

    [Fact]
    public void Any_grouped_conv_costs_its_groups_times_one_groups_dense_conv()
    {
        // Oracle: one group as a dense conv of its own (C/g → F/g channels) through the tile model, times g.
        Gen.Select(Gen.Int[1, 4], Gen.Int[1, 6], Gen.Int[1, 6], Gen.Int[3, 12], Gen.Int[1, 2])
            .Sample((groups, channelsPerGroup, filtersPerGroup, size, stride) =>
            {
                var conv = new Conv2d("g", size, size, 3, 3, channelsPerGroup * groups, filtersPerGroup * groups, stride, 1, 1, []) { Groups = groups };
                var dense = new Conv2d("g", size, size, 3, 3, channelsPerGroup, filtersPerGroup, stride, 1, 1, []);
                var row = PointEvaluator.Evaluate("p", new Workload("w", [conv]), s_arch, SimMode.Default).Layers.Single();
                var one = PointEvaluator.Evaluate("p", new Workload("w", [dense]), s_arch, SimMode.Default).Layers.Single();
                Assert.Equal((one.M, one.N, one.K), (row.M, row.N, row.K));
                Assert.Equal((groups * one.ComputeCycles, groups * one.TotalCycles, groups * one.Macs), (row.ComputeCycles, row.TotalCycles, row.Macs));
                Assert.Equal(groups * (one.DramReadsIfmap + one.DramReadsFilter + one.DramWritesOfmap), row.DramReadsIfmap + row.DramReadsFilter + row.DramWritesOfmap);
                Assert.Equal(groups * one.EnergyPj, row.EnergyPj, 6);
                Assert.Equal(one.Utilization, row.Utilization);
                Assert.Equal(conv.Macs, row.Macs);
            }, iter: 60);
    }

    [Fact]
    public void A_mixed_network_sums_gemm_vector_and_opaque_rows()
    {
        var (point, layers) = PointEvaluator.Evaluate("p", Mixed(), s_arch, SimMode.Default);
        Assert.Equal(RowStatus.Ok, point.Status);
        Assert.Equal(["conv2d", "gemm", "vector", "opaque"], layers.Select(l => l.OpKind));

        var qk = layers[1];
        var oneQk = TileEvaluator.Evaluate("qk", new GemmShape(40, 40, 32), s_arch, SimMode.Default);
        Assert.Equal((8L, 8 * oneQk.TotalCycles, 8L * 40 * 40 * 32), (qk.Instances, qk.TotalCycles, qk.Macs));

        // relu over 12 800 elements: ⌈12800/128⌉ = 100 lane cycles; 25 600 B at 16 B/cycle = 1600 cycles, memory-bound.
        var act = layers[2];
        Assert.Equal((0L, 0L, 0L, 0L, 0L), (act.M, act.N, act.K, act.Macs, act.Folds));
        Assert.Equal((100L, 1500L, 1600L), (act.ComputeCycles, act.StallCycles, act.TotalCycles));
        Assert.Equal((12_800L, 0L, 12_800L), (act.DramReadsIfmap, act.DramReadsFilter, act.DramWritesOfmap));
        Assert.Equal(12_800 * 0.5, act.EnergyVectorPj, 9);
        var model = VectorOpModel.Evaluate((VectorOp)Mixed().Ops[2], s_arch);
        Assert.Equal(model.EnergyPj, act.EnergyPj, 9);
        Assert.Equal(act.EnergyVectorPj + act.EnergySramPj + act.EnergyDramPj, act.EnergyPj, 9);
        Assert.Equal((0.0, 0.0), (act.Utilization, act.MappingEfficiency));

        var nms = layers[3];
        Assert.Equal(("nms", "opaque"), (nms.Layer, nms.OpKind));
        Assert.Equal((0L, 0L, 0L, 0L, 0L), (nms.Macs, nms.TotalCycles, nms.DramReadsIfmap, nms.DramWritesOfmap, nms.SramReadsIfmap));
        Assert.Equal(0, nms.EnergyPj);

        // Totals: every layer's cycles and energy, the vector layer's included; utilization stays MACs / (PEs · latency).
        Assert.Equal(layers.Sum(l => l.TotalCycles), point.LatencyCycles);
        Assert.Equal(layers.Sum(l => l.ComputeCycles), point.ComputeCycles);
        Assert.Equal(layers.Sum(l => l.EnergyPj), point.EnergyPj, 6);
        Assert.Equal(act.EnergyVectorPj, point.EnergyVectorPj, 9);
        Assert.Equal(16L * 64 * 9 + 8L * 40 * 40 * 32, point.Macs);
        Assert.Equal(point.Macs / (64.0 * point.LatencyCycles), point.Utilization, 12);
        Assert.Equal(layers.Sum(l => l.DramReadsIfmap + l.DramReadsFilter + l.DramReadsOfmap), point.DramReadBytes);
        // Mapping efficiency: the tensor layers' only (weighted by their compute cycles), the idle-array vector layer left out.
        var tensor = layers.Take(2).ToList();
        Assert.Equal(tensor.Sum(l => l.MappingEfficiency * l.ComputeCycles) / tensor.Sum(l => l.ComputeCycles), point.MappingEfficiency, 12);
    }

    [Fact]
    public void Scalesim_mode_refuses_a_general_conv_but_runs_a_batched_gemm_as_its_entries()
    {
        var (point, layers) = PointEvaluator.Evaluate("p", new Workload("w", [Depthwise()]), s_arch, SimMode.ScaleSim);
        Assert.Equal(RowStatus.Infeasible, point.Status);
        Assert.StartsWith("op 'dw': SCALE-Sim mode cannot express a conv with groups 16", point.Reason, StringComparison.Ordinal);
        Assert.Empty(layers);

        var transposed = new ConvTranspose2d("up", 4, 4, 2, 2, 8, 8, 2, 2, default, 1, []);
        Assert.Equal("op 'up': SCALE-Sim mode has no transposed convolution",
            PointEvaluator.Evaluate("p", new Workload("w", [transposed]), s_arch, SimMode.ScaleSim).Point.Reason);

        var batched = new Workload("w", [new Gemm("qk", 40, 40, 32) { Batch = 8 }]);
        var row = PointEvaluator.Evaluate("p", batched, s_arch, SimMode.ScaleSim).Layers.Single();
        Assert.Equal(8 * TileEvaluator.Evaluate("qk", new GemmShape(40, 40, 32), s_arch, SimMode.ScaleSim).TotalCycles, row.TotalCycles);
    }

    [Fact]
    public void A_transposed_conv_is_its_scatter_gemm_per_group_times_the_groups()
    {
        // 8 → 8 channels in 2 groups, 2×2 taps at stride 2 over 4×4: per group M = 16, N = 4·2·2 = 16, K = 4.
        var up = new ConvTranspose2d("up", 4, 4, 2, 2, 8, 8, 2, 2, default, 1, []) { Groups = 2 };
        var row = PointEvaluator.Evaluate("p", new Workload("w", [up]), s_arch, SimMode.Default).Layers.Single();
        var one = TileEvaluator.Evaluate("up", new GemmShape(16, 16, 4), s_arch, SimMode.Default);
        Assert.Equal((16L, 16L, 4L, 2L), (row.M, row.N, row.K, row.Instances));
        Assert.Equal((2 * one.TotalCycles, 2L * 16 * 16 * 4), (row.TotalCycles, row.Macs));
        Assert.Equal(2 * one.Energy!.TotalPj, row.EnergyPj, 9);
    }
}
