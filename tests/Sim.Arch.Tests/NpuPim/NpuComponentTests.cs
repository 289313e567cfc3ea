using Sim.Arch.NpuPim;
using Sim.Core.Workloads;
using Sim.Core.Workloads.Llm;

namespace Sim.Arch.Tests.NpuPim;

public class NpuComponentTests
{
    private static readonly NpuSpec s_npu = NpuSpec.NeuPims;

    [Theory]
    // iters 8, add tree ⌈1024/128⌉ + t(8) = 9: 2·9 + 8·(1 + 1 + 1).
    [InlineData(LlmVectorKind.Softmax, 1024, 42)]
    [InlineData(LlmVectorKind.Softmax, 100, 5)]
    // iters 32, tree 33: 2·33 + 2 + 1 + 32·(2 + 3).
    [InlineData(LlmVectorKind.LayerNorm, 4096, 229)]
    [InlineData(LlmVectorKind.Add, 4096, 32)]
    [InlineData(LlmVectorKind.Gelu, 1024, 8)]
    [InlineData(LlmVectorKind.Silu, 129, 2)]
    [InlineData(LlmVectorKind.Mul, 128, 1)]
    public void Vector_instruction_cycles_follow_neupims(LlmVectorKind kind, long n, long expected) =>
        Assert.Equal(expected, NpuVectorCycles.InstructionCycles(kind, n, s_npu));

    [Fact]
    public void Add_tree_recurses_on_the_partial_sums()
    {
        // 16385 elements: 129 partial sums, then 2, then 1 → 129 + 2 + 1.
        Assert.Equal(132, NpuVectorCycles.AddTreeIterations(16385, 128));
        Assert.Equal(1, NpuVectorCycles.AddTreeIterations(128, 128));
    }

    [Fact]
    public void Vector_ops_spread_rows_over_units()
    {
        // 32 LayerNorm rows of 4096 on 8 units: 4 rounds of 229.
        Assert.Equal(4 * 229, NpuVectorCycles.OpCycles(new LlmVectorOp("ln", LlmLayerPart.Qkv, LlmVectorKind.LayerNorm, 32, 4096), s_npu));
        // In order to the first free unit: 5 → u0, 3 → u1, 3 → u1 (ends 6), 3 → u0 (ends 8).
        Assert.Equal(8, NpuVectorCycles.ScheduleCycles([5, 3, 3, 3], 2));
        Assert.Equal(0, NpuVectorCycles.ScheduleCycles([], 2));
    }

    [Fact]
    public void Gemm_is_the_max_of_compute_and_bytes_over_bandwidth()
    {
        var cost = NpuGemmCost.Of(new GemmShape(32, 3072, 4096), s_npu, 1024);
        // Weights 4096·3072, activations 32·4096 in and 32·3072 out, FP16.
        Assert.Equal((4096L * 3072 + 32 * 4096 + 32 * 3072) * 2, cost.DramBytes);
        Assert.Equal(25024, cost.MemoryCycles);
        Assert.Equal(12574, cost.ComputeCycles);
        Assert.Equal(25024, cost.Cycles);
        // A huge batch turns it compute-bound.
        var big = NpuGemmCost.Of(new GemmShape(4096, 3072, 4096), s_npu, 1024);
        Assert.Equal(big.ComputeCycles, big.Cycles);
        Assert.True(big.ComputeCycles > big.MemoryCycles);
    }

    [Fact]
    public void Npu_only_decode_attention_streams_the_kv_cache()
    {
        var a = new LlmDecodeAttention("a", 0, 1024, 8, 8, 128, 2);
        var cost = NpuDecodeAttention.Of(a, s_npu, 1024);
        // 2·L·E_eff·b / BW = 2·1024·1024·2 / 1024 (§A.6 eq. 8).
        Assert.Equal(4_194_304, cost.DramBytes);
        Assert.Equal(4096, cost.MemoryCycles);
        // Kᵀ: 8 heads × 8 tiles = 64 tiles, 8 per array, spacing 128: 128 + 7·128 + 128 + 128 − 2 + 4 = 1282; V the same.
        Assert.Equal(2 * 1282, cost.ComputeCycles);
        // 8 softmax rows of 1024 on 8 units: one round of 42.
        Assert.Equal(42, cost.SoftmaxCycles);
        Assert.Equal(4096 + 42, cost.Cycles);
    }

    [Fact]
    public void Gqa_decode_attention_reads_fewer_kv_bytes_and_streams_the_group()
    {
        var mha = NpuDecodeAttention.Of(new LlmDecodeAttention("a", 0, 512, 8, 8, 128, 2), s_npu, 1024);
        var gqa = NpuDecodeAttention.Of(new LlmDecodeAttention("a", 0, 512, 8, 2, 128, 2), s_npu, 1024);
        Assert.Equal(mha.DramBytes / 4, gqa.DramBytes);
        Assert.True(gqa.ComputeCycles < mha.ComputeCycles);
    }

    [Fact]
    public void A_batch_of_short_requests_pays_one_pipeline_fill_not_one_per_request()
    {
        // L = 50: alone, a request is fill-bound — Kᵀ is 8 tiles of width 50, one per array: 128 + 128 + 50 − 2 + 4 = 308;
        // V is 8 tiles of width 128: 128 + 128 + 128 − 2 + 4 = 386 — 694 cycles against 2·50·1024·2 / 1024 = 200 of memory.
        var one = new LlmDecodeAttention("a", 0, 50, 8, 8, 128, 2);
        Assert.Equal(308 + 386, NpuDecodeAttention.Of(one, s_npu, 1024).ComputeCycles);
        Assert.Equal(200, NpuDecodeAttention.Of(one, s_npu, 1024).MemoryCycles);
        // 512 of them as one stream: 8192 tiles, 1024 per array at spacing 128: 128 + 1023·128 + 128 + 128 − 2 + 4 = 131,330
        // against 512 · 200 = 102,400 of memory: compute-bound, plus one request's softmax that cannot hide.
        var batch = Enumerable.Range(0, 512).Select(i => one with { Request = i }).ToList();
        var cost = NpuDecodeAttention.OfBatch(batch, s_npu, 1024);
        Assert.Equal(131_330, cost.ComputeCycles);
        Assert.Equal(102_400, cost.MemoryCycles);
        Assert.Equal(512 * NpuDecodeAttention.Of(one, s_npu, 1024).SoftmaxCycles, cost.SoftmaxCycles);
        Assert.Equal(131_330 + NpuDecodeAttention.Of(one, s_npu, 1024).SoftmaxCycles, cost.Cycles);
        Assert.True(cost.Cycles < batch.Sum(a => NpuDecodeAttention.Of(a, s_npu, 1024).Cycles));
    }

    [Fact]
    public void A_batch_of_one_costs_what_the_request_alone_costs()
    {
        var a = new LlmDecodeAttention("a", 0, 1024, 8, 8, 128, 2);
        Assert.Equal(NpuDecodeAttention.Of(a, s_npu, 1024).Cycles, NpuDecodeAttention.OfBatch([a], s_npu, 1024).Cycles);
        Assert.Equal(0, NpuDecodeAttention.OfBatch([], s_npu, 1024).Cycles);
    }

    [Fact]
    public void One_vector_lane_is_rejected_not_recursed_forever()
    {
        Assert.Contains("vector_lanes: 1 lane cannot reduce a row", (NpuSpec.NeuPims with { VectorLanes = 1 }).Problem(), StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => NpuVectorCycles.AddTreeIterations(1024, 1));
        Assert.Equal(3, NpuVectorCycles.AddTreeIterations(3, 2)); // t(3) = ⌈3/2⌉ + t(2) = 2 + 1
    }
}
