namespace Sim.Core.Workloads.Llm;

/// <summary>Which program of a decoder layer an op belongs to (NeuPIMs' split: QKV generation, MHA, projection + FFN).</summary>
public enum LlmLayerPart
{
    Qkv,
    Mha,
    ProjFfn,
}

/// <summary>Elementwise / row-reduction kinds the NPU's vector units run.</summary>
public enum LlmVectorKind
{
    LayerNorm,
    Softmax,
    Gelu,
    Silu,
    Mul,
    Add,
}

/// <summary>One op of one device's share of a decoder layer.</summary>
public abstract record LlmOp(string Name, LlmLayerPart Part);

/// <summary>A weight GEMM: Z[M,N] = X[M,K]·W[K,N] with W read from DRAM (M = tokens in flight).</summary>
public sealed record LlmGemm(string Name, LlmLayerPart Part, GemmShape Shape) : LlmOp(Name, Part)
{
    public long WeightElements => checked(Shape.K * Shape.N);
}

/// <summary><see cref="Rows"/> independent vector instructions of <see cref="RowLength"/> elements each.</summary>
public sealed record LlmVectorOp(string Name, LlmLayerPart Part, LlmVectorKind Kind, long Rows, long RowLength) : LlmOp(Name, Part)
{
    public long Elements => checked(Rows * RowLength);
}

/// <summary>
/// Decode attention of one request on one device: <see cref="Heads"/> query heads, each a GEMV q·Kᵀ over
/// <see cref="KvTokens"/> keys, a softmax of that row, and a GEMV p·V; query head h reads KV head h / (Heads / KvHeads).
/// </summary>
public sealed record LlmDecodeAttention(string Name, int Request, int KvTokens, int Heads, int KvHeads, int HeadDim, int ElementBytes)
    : LlmOp(Name, LlmLayerPart.Mha)
{
    public long QkMacs => (long)Heads * KvTokens * HeadDim;

    public long PvMacs => (long)Heads * KvTokens * HeadDim;

    /// <summary>K and V of this request's KV heads: 2·H_kv·L·d_k·b (each read once: no reuse across requests).</summary>
    public long KvBytes => 2L * KvHeads * KvTokens * HeadDim * ElementBytes;

    /// <summary>The logits softmax: one row of <see cref="KvTokens"/> per head.</summary>
    public LlmVectorOp Softmax => new($"{Name}.softmax", LlmLayerPart.Mha, LlmVectorKind.Softmax, Heads, KvTokens);
}

/// <summary>Prefill attention over the prompt, costed by the existing attention model.</summary>
public sealed record LlmPrefillAttention(string Name, Attention Attention) : LlmOp(Name, LlmLayerPart.Mha);
