using Sim.Arch.LoopNest;
using Sim.Core.Hardware;
using Sim.Core.Mapping;
using Sim.Core.Workloads;
using Sim.Mapping.Layers;
using Sim.Mapping.Network;

namespace Sim.Mapping.Tests.Network;

/// <summary>The coupling of a layer's schedule to the graph allocator, on a schedule whose traffic is derived by hand.</summary>
public class LayerOptionMenuTests
{
    // GEMM M=8, N=4, K=6 on 2×2, weights stationary (rows ← K/3, cols ← N/2, PEs stream M), scratchpad loops N2 K3,
    // nothing at DRAM: 1-byte words, 4-byte partial sums. Scratchpad tiles: W 24 B, I 48 B, O 32 × 4 = 128 B.
    // DRAM: W 24 B read once, I 48 B read once, O 32 B written once (final) — no partial sums spilled.
    private static readonly LoopNestProblem s_problem = LoopNestProblem.FromGemm("g", new GemmShape(8, 4, 6));

    private static readonly LoopNestHierarchy s_hierarchy = new([2, 2], ["rows", "cols"], DataSpaces.All, 1,
        new DataSpaceValues(1 << 20, 1 << 20, 1 << 20), 1, 4, double.PositiveInfinity, new DataSpaceValues(0, 0, 0), new LoopNestEnergy(1, 1, 1, 1));

    private static readonly LoopNestMapping s_mapping = new(DataSpace.Weights, new DimVector(1, 1, 1, 8, 1, 1, 1),
        [new DimVector(1, 1, 2, 1, 1, 1, 1), new DimVector(1, 2, 1, 1, 1, 1, 1)], new DimVector(1, 2, 3, 1, 1, 1, 1), DimVector.Ones, LoopDims.All, LoopDims.All);

    private static LayerMapResult Result()
    {
        var cost = LoopNestModel.Evaluate(s_problem, s_hierarchy, s_mapping);
        Assert.True(cost.Feasible, cost.Reason);
        return new LayerMapResult(s_problem, MapStatus.Optimal, s_mapping, cost, 0, 0, 0, 0, null);
    }

    [Fact]
    public void Resident_needs_the_weight_and_partial_sum_tiles_and_adds_the_weight_fetches()
    {
        var options = LayerOptionMenu.For(new Gemm("g", 8, 4, 6), Result(), s_hierarchy, [48], 128);
        var resident = options.Single(o => !o.Streamed);
        Assert.Equal(2 * (24 + 128), resident.WorkingBytes);   // double-buffered W and O tiles
        Assert.Equal(24, resident.ExtraOffChipBytes);          // weights once; no partial sums spilled
        Assert.Equal("resident ws", resident.Label);
    }

    [Fact]
    public void Streamed_needs_all_three_tiles_and_adds_input_refetches_beyond_one_read()
    {
        var options = LayerOptionMenu.For(new Gemm("g", 8, 4, 6), Result(), s_hierarchy, [48], 128);
        var streamed = options.Single(o => o.Streamed);
        Assert.Equal(2 * (24 + 48 + 128), streamed.WorkingBytes);
        Assert.Equal(24, streamed.ExtraOffChipBytes);          // inputs read exactly once: no refetch
        // If the graph's input tensor were smaller than what the schedule reads (e.g. 40 B), the 8 B beyond one read are extra.
        Assert.Equal(24 + 8, LayerOptionMenu.For(new Gemm("g", 8, 4, 6), Result(), s_hierarchy, [40], 128).Single(o => o.Streamed).ExtraOffChipBytes);
    }

    [Fact]
    public void An_op_without_a_schedule_is_atomic_and_reads_its_parameters_once()
    {
        // Attention keeps its own model: its K and V caches (2 · heads · seq_kv · head_dim words) are read once.
        var attention = new AttentionLayer("attn", new Attention("attn", 1, 2, 2, 16, 16, 16, false), AttentionLowering.Fused, []);
        var option = LayerOptionMenu.For(attention, null, s_hierarchy, [], 128).Single();
        Assert.Equal("atomic (own model)", option.Label);
        Assert.Equal(0, option.WorkingBytes);
        Assert.Equal(2L * 2 * 16 * 16, option.ExtraOffChipBytes);
    }

    [Fact]
    public void A_vector_op_is_resident_or_streams_lane_wide_double_buffered_tiles()
    {
        // An add of two tensors with a 64-element bias, word 1 B (s_hierarchy), 128 lanes: streamed it double-buffers a
        // 128-element tile for each of its 2 inputs and its output = 2·3·128 B; a softmax over 300-long rows needs whole
        // rows: 2·2·300 B. Both read their constants once.
        var add = new VectorOp("a", ["x", "y"], "add", [1, 4096], 8192, 1, 64);
        var options = LayerOptionMenu.For(add, null, s_hierarchy, [], vectorLanes: 128);
        Assert.Equal([(0L, 64L, false), (768L, 64L, true)], options.Select(o => (o.WorkingBytes, o.ExtraOffChipBytes, o.Streamed)));
        var softmax = new VectorOp("s", ["x"], "softmax", [4, 300], 1200, 300, 0);
        Assert.Equal(1200, LayerOptionMenu.For(softmax, null, s_hierarchy, [], vectorLanes: 128).Single(o => o.Streamed).WorkingBytes);
    }

    [Fact]
    public void A_gemm_whose_b_is_produced_charges_no_weight_fetch_beyond_the_graphs_read_of_b()
    {
        // Q·Kᵀ-like: inputs a (A, 8x6 = 48 B) and b (B, 6x4 = 24 B) both produced. The schedule reads B once (24 B):
        // resident, B is read in place (no weight traffic, no partial sums); streamed, the graph already streams B once.
        var gemm = new Gemm("g", 8, 4, 6, ["a", "b"]);
        var options = LayerOptionMenu.For(gemm, Result(), s_hierarchy, [48, 24], 128);
        Assert.Equal([(false, 0L), (true, 0L)], options.Select(o => (o.Streamed, o.ExtraOffChipBytes)));
        // Had the graph charged only 20 B of B, the 4 B beyond that read would be extra.
        Assert.Equal(4, LayerOptionMenu.For(gemm, Result(), s_hierarchy, [48, 20], 128).Single(o => o.Streamed).ExtraOffChipBytes);
        // The same GEMM with B as a weight: 24 B of weights on both options.
        Assert.All(LayerOptionMenu.For(new Gemm("g", 8, 4, 6, ["a"]), Result(), s_hierarchy, [48], 128), o => Assert.Equal(24, o.ExtraOffChipBytes));
    }
}
