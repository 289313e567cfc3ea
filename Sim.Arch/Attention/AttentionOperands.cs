using AttentionOp = Sim.Core.Workloads.Attention;

namespace Sim.Arch.Attention;

/// <summary>
/// Q, K, V of one attention in the reference layout (row-major [batch, heads, seq, dim], K and V with KvHeads heads)
/// and the fp32 score every executor computes the same way: Σ_e q·k in fp32, then × 1/√d; −∞ where masked.
/// </summary>
internal sealed class AttentionOperands
{
    private readonly float[] _q, _k, _v;
    private readonly float _scale;

    public AttentionOperands(AttentionOp a, float[] q, float[] k, float[] v)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(q);
        ArgumentNullException.ThrowIfNull(k);
        ArgumentNullException.ThrowIfNull(v);
        if (a.Problem() is { } problem)
            throw new ArgumentException(problem, nameof(a));
        if (q.Length != a.QElements || k.Length != a.KvElements || v.Length != a.KvElements)
            throw new ArgumentException($"expected Q {a.QElements}, K and V {a.KvElements} elements; got {q.Length}, {k.Length}, {v.Length}");
        (A, _q, _k, _v) = (a, q, k, v);
        D = (int)a.HeadDim;
        _scale = 1 / MathF.Sqrt(D);
    }

    public AttentionOp A { get; }

    public int D { get; }

    public int QBase(int batch, int head, int query) => ((batch * (int)A.Heads + head) * (int)A.SeqQ + query) * D;

    public int KvBase(int batch, int head, int key) => ((batch * (int)A.KvHeads + head / (int)A.GroupSize) * (int)A.SeqKv + key) * D;

    public float Score(int batch, int head, int query, int key)
    {
        if (key >= A.VisibleKeys(query))
            return float.NegativeInfinity;
        int qi = QBase(batch, head, query), ki = KvBase(batch, head, key);
        float dot = 0;
        for (var e = 0; e < D; e++)
            dot += _q[qi + e] * _k[ki + e];
        return dot * _scale;
    }

    public float V(int batch, int head, int key, int e) => _v[KvBase(batch, head, key) + e];
}
