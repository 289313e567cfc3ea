using System.Runtime.CompilerServices;
using Sim.Core.Reference;
using AttentionOp = Sim.Core.Workloads.Attention;

namespace Sim.Arch.Native.Cpu;

/// <summary>
/// Prepared fused attention, one pass over K/V per query row with an online softmax (FlashAttention's recurrence):
/// per block of <see cref="BlockKeys"/> visible keys, scores s_j = q·k_j/√d, m' = max(m, max_j s_j), then
/// l ← l·e^(m−m') + Σ_j e^(s_j−m') and o ← o·e^(m−m') + Σ_j e^(s_j−m')·v_j; at the end O = o / l. Scores never leave
/// a block-sized buffer (O(1) in sequence length). Parallel over (batch, head) pairs; each output row is computed by
/// one thread in a fixed order, so results do not depend on scheduling. Masking and GQA head mapping follow
/// <see cref="AttentionOp"/> exactly (query i sees keys 0 … i + SeqKv − SeqQ; head h reads KV head h / GroupSize), as
/// <see cref="ReferenceAttention"/> does.
/// </summary>
public sealed unsafe class CpuAttentionRun : INativeRun<float[]>
{
    public const int BlockKeys = 64;

    private readonly AttentionOp _op;
    private readonly float[] _q;
    private readonly float[] _k;
    private readonly float[] _v;
    private readonly float[] _output;
    private readonly CpuIsa _isa;
    private readonly int _threads;

    public CpuAttentionRun(AttentionOp op, float[] q, float[] k, float[] v, CpuIsa isa, int threads)
    {
        NativeOperands.CheckAttention(op, q, k, v);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        (_op, _q, _k, _v, _isa, _threads) = (op, q, k, v, isa, threads);
        _output = new float[op.QElements];
    }

    public void Run()
    {
        var heads = checked((int)(_op.Batch * _op.Heads));
        Parallel.For(0, heads, new ParallelOptions { MaxDegreeOfParallelism = _threads },
            () => (Scores: new float[BlockKeys], Acc: new float[_op.HeadDim]),
            (bh, _, scratch) =>
            {
                Head(bh, scratch.Scores, scratch.Acc);
                return scratch;
            },
            _ => { });
    }

    public float[] Result() => (float[])_output.Clone();

    public void Dispose()
    {
        // Managed buffers only.
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Head(int bh, float[] scores, float[] accumulator)
    {
        int d = (int)_op.HeadDim, seqQ = (int)_op.SeqQ, seqKv = (int)_op.SeqKv, heads = (int)_op.Heads;
        var (b, h) = (bh / heads, bh % heads);
        var kvHead = h / (int)_op.GroupSize;
        var qBase = (long)bh * seqQ * d;
        var kvBase = ((long)b * _op.KvHeads + kvHead) * seqKv * d;
        var scale = 1f / MathF.Sqrt(d);
        fixed (float* q = _q, k = _k, v = _v, o = _output, s = scores, acc = accumulator)
        {
            for (var i = 0; i < seqQ; i++)
            {
                var row = q + qBase + (long)i * d;
                var visible = (int)_op.VisibleKeys(i);
                var m = float.NegativeInfinity;
                var l = 0f;
                new Span<float>(acc, d).Clear();
                for (var j0 = 0; j0 < visible; j0 += BlockKeys)
                {
                    var count = Math.Min(BlockKeys, visible - j0);
                    var blockMax = float.NegativeInfinity;
                    for (var j = 0; j < count; j++)
                    {
                        s[j] = CpuVectorMath.Dot(row, k + kvBase + (long)(j0 + j) * d, d, _isa) * scale;
                        blockMax = MathF.Max(blockMax, s[j]);
                    }

                    var newMax = MathF.Max(m, blockMax);
                    // First block: m = −∞ and e^(−∞) = 0 clears the (already zero) accumulator and sum.
                    var rescale = MathF.Exp(m - newMax);
                    l *= rescale;
                    for (var j = 0; j < count; j++)
                    {
                        var p = MathF.Exp(s[j] - newMax);
                        l += p;
                        CpuVectorMath.ScaleAdd(acc, j == 0 ? rescale : 1f, p, v + kvBase + (long)(j0 + j) * d, d, _isa);
                    }

                    m = newMax;
                }

                var outRow = o + qBase + (long)i * d;
                var inverse = 1f / l;
                for (var e = 0; e < d; e++)
                    outRow[e] = acc[e] * inverse;
            }
        }
    }
}
