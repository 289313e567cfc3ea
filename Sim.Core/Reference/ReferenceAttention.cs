using Sim.Core.Workloads;

namespace Sim.Core.Reference;

/// <summary>
/// Naive fp64 attention, the oracle for the lowerings' executors: O = softmax(Q·Kᵀ/√d + mask)·V, row by row, every
/// product and sum in double. Layouts are row-major [batch, heads, seq, dim] (K and V with KvHeads heads). The
/// softmax subtracts the row maximum (exact in real arithmetic; without it exp overflows double at scores above ~709).
/// </summary>
public static class ReferenceAttention
{
    public static double[] Run(Attention a, ReadOnlySpan<float> q, ReadOnlySpan<float> k, ReadOnlySpan<float> v)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.Problem() is { } problem)
            throw new ArgumentException(problem, nameof(a));
        int d = (int)a.HeadDim, seqQ = (int)a.SeqQ, seqKv = (int)a.SeqKv;
        if (q.Length != a.QElements || k.Length != a.KvElements || v.Length != a.KvElements)
            throw new ArgumentException($"expected Q {a.QElements}, K and V {a.KvElements} elements; got {q.Length}, {k.Length}, {v.Length}");
        var output = new double[a.QElements];
        var scores = new double[seqKv];
        var scale = 1 / Math.Sqrt(d);
        for (var b = 0; b < a.Batch; b++)
        {
            for (var h = 0; h < a.Heads; h++)
            {
                var kvHead = h / (int)a.GroupSize;
                var qBase = ((b * (int)a.Heads) + h) * seqQ * d;
                var kvBase = ((b * (int)a.KvHeads) + kvHead) * seqKv * d;
                for (var i = 0; i < seqQ; i++)
                {
                    var visible = (int)a.VisibleKeys(i);
                    var max = double.NegativeInfinity;
                    for (var j = 0; j < visible; j++)
                    {
                        double dot = 0;
                        for (var e = 0; e < d; e++)
                            dot += (double)q[qBase + i * d + e] * k[kvBase + j * d + e];
                        scores[j] = dot * scale;
                        max = Math.Max(max, scores[j]);
                    }

                    double sum = 0;
                    for (var j = 0; j < visible; j++)
                    {
                        scores[j] = Math.Exp(scores[j] - max);
                        sum += scores[j];
                    }

                    for (var e = 0; e < d; e++)
                    {
                        double acc = 0;
                        for (var j = 0; j < visible; j++)
                            acc += scores[j] * v[kvBase + j * d + e];
                        output[qBase + i * d + e] = acc / sum;
                    }
                }
            }
        }

        return output;
    }
}
