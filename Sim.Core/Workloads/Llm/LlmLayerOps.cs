namespace Sim.Core.Workloads.Llm;

/// <summary>
/// The ops of one device's share of one decoder layer (pre-LayerNorm GPT/LLaMA block). Tensor parallelism
/// (Megatron): QKV and FFN-up are split by output columns, out-projection and FFN-down by input rows, so every GEMM
/// below is one device's piece; the two all-reduces of the partial sums are not modelled.
/// </summary>
public static class LlmLayerOps
{
    /// <summary>
    /// Decode: B = <paramref name="batch"/>.Size new tokens. LN1 (B×E) → QKV GEMM (M=B, K=E, N=(H+2H_kv)d_k/tp) →
    /// per-request attention → out-proj (M=B, K=H·d_k/tp, N=E) → residual (B×E) → LN2 (B×E) → FFN-up (M=B, K=E, N=F/tp;
    /// SwiGLU: gate and up) → GELU (or SiLU and the gate multiply) on B×F/tp → FFN-down (M=B, K=F/tp, N=E) → residual.
    /// </summary>
    public static IReadOnlyList<LlmOp> Decode(LlmModelSpec model, DecodeBatch batch)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(batch);
        var ops = new List<LlmOp>();
        AddQkv(ops, model, batch.Size);
        for (var i = 0; i < batch.Size; i++)
        {
            ops.Add(new LlmDecodeAttention($"attn[{i}]", i, batch.KvLengths[i], model.HeadsPerDevice, model.KvHeadsPerDevice,
                model.HeadDim, model.ElementBytes));
        }

        AddProjFfn(ops, model, batch.Size);
        return ops;
    }

    /// <summary>
    /// Prefill of <paramref name="requests"/> prompts of <paramref name="promptTokens"/> each: the same GEMMs with
    /// M = requests × prompt tokens, and one causal <see cref="Attention"/> over the device's heads.
    /// </summary>
    public static IReadOnlyList<LlmOp> Prefill(LlmModelSpec model, int promptTokens, int requests = 1)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(promptTokens, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(requests, 1);
        var tokens = checked(promptTokens * requests);
        var ops = new List<LlmOp>();
        AddQkv(ops, model, tokens);
        ops.Add(new LlmPrefillAttention("attn", new Attention("attn", requests, model.HeadsPerDevice, model.KvHeadsPerDevice,
            promptTokens, promptTokens, model.HeadDim, Causal: true)));
        AddProjFfn(ops, model, tokens);
        return ops;
    }

    /// <summary>The ops outside attention (QKV and projection + FFN programs) for <paramref name="tokens"/> tokens in flight.</summary>
    public static IReadOnlyList<LlmOp> Dense(LlmModelSpec model, long tokens)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(tokens, 1);
        var ops = new List<LlmOp>();
        AddQkv(ops, model, tokens);
        AddProjFfn(ops, model, tokens);
        return ops;
    }

    private static void AddQkv(List<LlmOp> ops, LlmModelSpec m, long tokens)
    {
        ops.Add(new LlmVectorOp("ln1", LlmLayerPart.Qkv, LlmVectorKind.LayerNorm, tokens, m.DModel));
        ops.Add(new LlmGemm("qkv", LlmLayerPart.Qkv, new GemmShape(tokens, m.QkvColumnsPerDevice, m.DModel)));
    }

    private static void AddProjFfn(List<LlmOp> ops, LlmModelSpec m, long tokens)
    {
        const LlmLayerPart part = LlmLayerPart.ProjFfn;
        ops.Add(new LlmGemm("out_proj", part, new GemmShape(tokens, m.DModel, m.QueryWidthPerDevice)));
        ops.Add(new LlmVectorOp("residual1", part, LlmVectorKind.Add, tokens, m.DModel));
        ops.Add(new LlmVectorOp("ln2", part, LlmVectorKind.LayerNorm, tokens, m.DModel));
        var f = m.FfnColumnsPerDevice;
        if (m.Ffn == FfnKind.SwiGlu3Matrix)
        {
            ops.Add(new LlmGemm("ffn_gate", part, new GemmShape(tokens, f, m.DModel)));
            ops.Add(new LlmGemm("ffn_up", part, new GemmShape(tokens, f, m.DModel)));
            ops.Add(new LlmVectorOp("silu", part, LlmVectorKind.Silu, tokens, f));
            ops.Add(new LlmVectorOp("gate_mul", part, LlmVectorKind.Mul, tokens, f));
        }
        else
        {
            ops.Add(new LlmGemm("ffn_up", part, new GemmShape(tokens, f, m.DModel)));
            ops.Add(new LlmVectorOp("gelu", part, LlmVectorKind.Gelu, tokens, f));
        }

        ops.Add(new LlmGemm("ffn_down", part, new GemmShape(tokens, m.DModel, f)));
        ops.Add(new LlmVectorOp("residual2", part, LlmVectorKind.Add, tokens, m.DModel));
    }
}
