using AttentionOp = Sim.Core.Workloads.Attention;

namespace Sim.Arch.Native;

/// <summary>The operand checks every native target makes before preparing a run (one place, so the targets agree).</summary>
public static class NativeOperands
{
    /// <summary>A valid attention and Q, K, V of its sizes; otherwise an <see cref="ArgumentException"/> naming what is wrong.</summary>
    public static void CheckAttention(AttentionOp op, float[] q, float[] k, float[] v)
    {
        ArgumentNullException.ThrowIfNull(op);
        ArgumentNullException.ThrowIfNull(q);
        ArgumentNullException.ThrowIfNull(k);
        ArgumentNullException.ThrowIfNull(v);
        if (op.Problem() is { } problem)
            throw new ArgumentException(problem, nameof(op));
        if (q.LongLength != op.QElements || k.LongLength != op.KvElements || v.LongLength != op.KvElements)
            throw new ArgumentException($"expected Q {op.QElements}, K and V {op.KvElements} elements; got {q.Length}, {k.Length}, {v.Length}");
    }
}
