using Sim.Core.Hardware;

namespace Sim.Arch.Pim;

/// <summary>
/// Functional decode attention as NeuPIMs runs it: s = q·Kᵀ on PIM (<see cref="PimGemvExecutor"/>, fp16 in, fp32
/// accumulate), p = softmax(s/√d) in fp32 on the NPU vector unit (max-subtracted), o = p·V on PIM (p rounded to fp16 as it
/// enters the global buffer). Tensors use <see cref="Sim.Core.Reference.ReferenceAttention"/>'s layout for batch 1:
/// q [head, d], K and V [head, token, d]; the output is [head, d].
/// </summary>
public static class PimDecodeAttentionExecutor
{
    public static float[] Run(PimSpec pim, DramTimingSpec dram, int heads, int headDim, ReadOnlySpan<float> q, ReadOnlySpan<float> k, ReadOnlySpan<float> v)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(heads, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(headDim, 1);
        var hd = heads * headDim;
        if (q.Length != hd || k.Length == 0 || k.Length % hd != 0 || v.Length != k.Length)
            throw new ArgumentException($"expected q of {hd} and K, V of kv_length·{hd} elements; got {q.Length}, {k.Length}, {v.Length}");
        var kvLength = k.Length / hd;

        // K as the bank rows hold it: row t = token t's keys of every head.
        var keyRows = new float[k.Length];
        for (var h = 0; h < heads; h++)
        {
            for (var t = 0; t < kvLength; t++)
                k.Slice(((h * kvLength) + t) * headDim, headDim).CopyTo(keyRows.AsSpan(((t * heads) + h) * headDim, headDim));
        }

        var scores = PimGemvExecutor.Run(PimGemvLayout.Create(pim, dram, PimDecodeAttention.QkShape(kvLength, heads, headDim), 1), keyRows, q);
        var svLayout = PimGemvLayout.Create(pim, dram, PimDecodeAttention.SvShape(kvLength, headDim), 1);
        var output = new float[hd];
        var scale = 1f / MathF.Sqrt(headDim);
        var valueRows = new float[headDim * kvLength];
        var probabilities = new float[kvLength];
        for (var h = 0; h < heads; h++)
        {
            // Softmax on the NPU in fp32: scores[t·heads + h] is token t's score for head h.
            var max = float.NegativeInfinity;
            for (var t = 0; t < kvLength; t++)
                max = MathF.Max(max, scores[(t * heads) + h] * scale);
            var sum = 0f;
            for (var t = 0; t < kvLength; t++)
            {
                probabilities[t] = MathF.Exp((scores[(t * heads) + h] * scale) - max);
                sum += probabilities[t];
            }

            for (var t = 0; t < kvLength; t++)
                probabilities[t] /= sum;

            // Vᵀ of this head: row e holds element e of every token (tokens along the bank row).
            for (var t = 0; t < kvLength; t++)
            {
                for (var e = 0; e < headDim; e++)
                    valueRows[(e * kvLength) + t] = v[(((h * kvLength) + t) * headDim) + e];
            }

            PimGemvExecutor.Run(svLayout, valueRows, probabilities).CopyTo(output.AsSpan(h * headDim, headDim));
        }

        return output;
    }
}
