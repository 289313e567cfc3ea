using Sim.Core.Workloads;
using Sim.Core.Workloads.Llm;

namespace Sim.Core.Tests.Workloads.Llm;

public class LlmLayerOpsTests
{
    [Fact]
    public void Gpt3_7b_tp4_decode_gemms_by_hand()
    {
        var ops = LlmLayerOps.Decode(LlmPresets.Gpt3Of7B, DecodeBatch.Uniform(32, 1024));
        var gemms = ops.OfType<LlmGemm>().ToDictionary(g => g.Name, g => g.Shape);
        Assert.Equal(new GemmShape(32, 3072, 4096), gemms["qkv"]);
        Assert.Equal(new GemmShape(32, 4096, 1024), gemms["out_proj"]);
        Assert.Equal(new GemmShape(32, 4096, 4096), gemms["ffn_up"]);
        Assert.Equal(new GemmShape(32, 4096, 4096), gemms["ffn_down"]);
        // Every weight is used once per token: GEMM MACs = B × the device's weights (12E²/4).
        Assert.Equal(32L * 12 * 4096 * 4096 / 4, ops.OfType<LlmGemm>().Sum(g => g.Shape.Macs));
        Assert.Equal(12L * 4096 * 4096 / 4, ops.OfType<LlmGemm>().Sum(g => g.WeightElements));
    }

    [Fact]
    public void Decode_attention_per_request_by_hand()
    {
        var ops = LlmLayerOps.Decode(LlmPresets.Gpt3Of7B, new DecodeBatch([10, 1000]));
        var attn = ops.OfType<LlmDecodeAttention>().ToArray();
        Assert.Equal(2, attn.Length);
        Assert.Equal(1000, attn[1].KvTokens);
        Assert.Equal(8L * 1000 * 128, attn[1].QkMacs);
        Assert.Equal(8L * 1000 * 128, attn[1].PvMacs);
        Assert.Equal(2L * 8 * 1000 * 128 * 2, attn[1].KvBytes);
        Assert.Equal(8, attn[1].Softmax.Rows);
        Assert.Equal(1000, attn[1].Softmax.RowLength);
        Assert.All(attn, a => Assert.Equal(LlmLayerPart.Mha, a.Part));
    }

    [Fact]
    public void Decode_vector_ops_have_the_right_element_counts()
    {
        var ops = LlmLayerOps.Decode(LlmPresets.Gpt3Of7B, DecodeBatch.Uniform(32, 64)).OfType<LlmVectorOp>().ToDictionary(v => v.Name);
        Assert.Equal(32L * 4096, ops["ln1"].Elements);
        Assert.Equal(32L * 4096, ops["ln2"].Elements);
        Assert.Equal(32L * 4096, ops["residual1"].Elements);
        Assert.Equal(32L * 4096, ops["gelu"].Elements); // F/tp = 16384/4
        Assert.Equal(LlmVectorKind.LayerNorm, ops["ln1"].Kind);
        Assert.Equal(LlmLayerPart.Qkv, ops["ln1"].Part);
        Assert.Equal(LlmLayerPart.ProjFfn, ops["ln2"].Part);
    }

    [Fact]
    public void Llama_has_gate_up_down_and_silu()
    {
        var ops = LlmLayerOps.Decode(LlmPresets.Llama7B, DecodeBatch.Uniform(4, 64));
        var gemms = ops.OfType<LlmGemm>().ToDictionary(g => g.Name, g => g.Shape);
        Assert.Equal(new GemmShape(4, 11008, 4096), gemms["ffn_gate"]);
        Assert.Equal(new GemmShape(4, 11008, 4096), gemms["ffn_up"]);
        Assert.Equal(new GemmShape(4, 4096, 11008), gemms["ffn_down"]);
        Assert.Equal(4L * 202_375_168, ops.OfType<LlmGemm>().Sum(g => g.Shape.Macs));
        Assert.Contains(ops, o => o is LlmVectorOp { Kind: LlmVectorKind.Silu, Elements: 4L * 11008 });
        Assert.Contains(ops, o => o is LlmVectorOp { Kind: LlmVectorKind.Mul, Elements: 4L * 11008 });
    }

    [Fact]
    public void Prefill_uses_the_prompt_as_m_and_a_causal_attention()
    {
        var ops = LlmLayerOps.Prefill(LlmPresets.Gpt3Of7B, promptTokens: 512, requests: 2);
        Assert.Equal(new GemmShape(1024, 3072, 4096), ops.OfType<LlmGemm>().Single(g => g.Name == "qkv").Shape);
        var a = ops.OfType<LlmPrefillAttention>().Single().Attention;
        Assert.Equal(new Attention("attn", 2, 8, 8, 512, 512, 128, true), a);
        Assert.Null(a.Problem());
        Assert.Equal(2L * 8 * 512 * 513 / 2 * 128 * 2, a.Macs);
    }

    [Fact]
    public void Dense_ops_are_the_decode_ops_without_attention()
    {
        var dense = LlmLayerOps.Dense(LlmPresets.Gpt3Of7B, 16);
        var decode = LlmLayerOps.Decode(LlmPresets.Gpt3Of7B, DecodeBatch.Uniform(16, 8)).Where(o => o is not LlmDecodeAttention);
        Assert.Equal(decode, dense);
    }
}
