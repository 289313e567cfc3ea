using Sim.Core.Config;

namespace Sim.Core.Workloads;

/// <summary>
/// Scaled dot-product attention O = softmax(Q·Kᵀ/√d + mask)·V for <see cref="Batch"/> × <see cref="Heads"/> query heads.
/// Q is [Batch, Heads, SeqQ, HeadDim]; K and V are [Batch, KvHeads, SeqKv, HeadDim]: query head h reads KV head
/// h / (Heads / KvHeads) (MHA: KvHeads = Heads; GQA: KvHeads divides Heads; MQA: KvHeads = 1).
/// <see cref="Causal"/> aligns the last query with the last key (decode with a KV cache): query i (0-based) sees keys
/// 0 … i + (SeqKv − SeqQ). Decode is SeqQ = 1.
/// Standalone, not an <see cref="Op"/>: its two GEMMs are joined by a softmax, so a single GEMM view would misstate it.
/// </summary>
public sealed record Attention(string Name, long Batch, long Heads, long KvHeads, long SeqQ, long SeqKv, long HeadDim, bool Causal)
{
    /// <summary>Query heads sharing one KV head (the GQA group size).</summary>
    public long GroupSize => Heads / KvHeads;

    /// <summary>(batch, KV head) pairs: each is one group of <see cref="GroupSize"/> query heads over one K and V.</summary>
    public long Groups => checked(Batch * KvHeads);

    /// <summary>Query rows of one group with its heads' queries stacked (query-major: row r is query r / GroupSize).</summary>
    public long GroupRows => checked(GroupSize * SeqQ);

    /// <summary>Keys query <paramref name="query"/> attends to (all of them unless causal).</summary>
    public long VisibleKeys(long query) => Causal ? query + (SeqKv - SeqQ) + 1 : SeqKv;

    /// <summary>
    /// Unmasked scores of one head: Σ_{i&lt;SeqQ} (i + SeqKv − SeqQ + 1) = SeqQ·SeqKv − SeqQ·(SeqQ − 1)/2 when causal
    /// (prefill SeqQ = SeqKv = N: N(N+1)/2), SeqQ·SeqKv otherwise.
    /// </summary>
    public long ScoresPerHead => Causal ? checked(SeqQ * SeqKv - SeqQ * (SeqQ - 1) / 2) : checked(SeqQ * SeqKv);

    /// <summary>Unmasked scores over all heads and batches (the softmax's element count).</summary>
    public long Scores => checked(Batch * Heads * ScoresPerHead);

    /// <summary>Softmax rows: one per (batch, head, query).</summary>
    public long Rows => checked(Batch * Heads * SeqQ);

    /// <summary>QKᵀ MACs on unmasked scores: d per score.</summary>
    public long QkMacs => checked(Scores * HeadDim);

    /// <summary>P·V MACs on unmasked probabilities: d per probability (a masked one is exactly 0).</summary>
    public long PvMacs => checked(Scores * HeadDim);

    public long Macs => checked(QkMacs + PvMacs);

    /// <summary>Elements of Q (= of O) and of K (= of V).</summary>
    public long QElements => checked(Batch * Heads * SeqQ * HeadDim);

    public long KvElements => checked(Batch * KvHeads * SeqKv * HeadDim);

    /// <summary>Null when valid, otherwise "field: problem. Fix: ..." (field names are the YAML/CLI spellings).</summary>
    public string? Problem()
    {
        (string Field, long Value)[] positives =
            [("batch", Batch), ("heads", Heads), ("kv_heads", KvHeads), ("seq_q", SeqQ), ("seq_kv", SeqKv), ("head_dim", HeadDim)];
        foreach (var (field, value) in positives)
        {
            if (value < 1)
                return $"{field}: {value} must be at least 1. Fix: give a positive integer";
        }

        if (Heads % KvHeads != 0)
            return $"kv_heads: {KvHeads} does not divide heads {Heads}. Fix: use a divisor of {Heads} (MHA: {Heads}, MQA: 1)";
        if (Causal && SeqQ > SeqKv)
            return $"seq_q: {SeqQ} exceeds seq_kv {SeqKv}, but a causal mask aligns the last query with the last key. Fix: use seq_q ≤ seq_kv or drop causal";
        return null;
    }

    /// <summary>This attention, or a <see cref="SimInputException"/> prefixed with <paramref name="where"/> naming the bad field.</summary>
    public Attention Validated(string where) =>
        Problem() is { } problem ? throw new SimInputException($"{where}: {problem}") : this;
}
