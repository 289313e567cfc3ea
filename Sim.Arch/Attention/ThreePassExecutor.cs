namespace Sim.Arch.Attention;

/// <summary>
/// The unfused lowering's numerics: S materialised per head, then the 3-pass softmax — row max; Σ exp(s − max);
/// p = exp(s − max) / Σ — then O = P·V. Subtracting the max keeps every exp ≤ 1, so huge scores cannot overflow.
/// </summary>
internal static class ThreePassExecutor
{
    public static float[] Run(AttentionOperands x)
    {
        var a = x.A;
        int seqQ = (int)a.SeqQ, seqKv = (int)a.SeqKv;
        var output = new float[a.QElements];
        var s = new float[seqQ * seqKv];
        for (var b = 0; b < a.Batch; b++)
        {
            for (var h = 0; h < a.Heads; h++)
            {
                for (var i = 0; i < seqQ; i++)
                {
                    for (var j = 0; j < seqKv; j++)
                        s[i * seqKv + j] = x.Score(b, h, i, j);
                }

                for (var i = 0; i < seqQ; i++)
                {
                    var row = s.AsSpan(i * seqKv, seqKv);
                    var max = float.NegativeInfinity;
                    foreach (var value in row)
                        max = MathF.Max(max, value);
                    float sum = 0;
                    foreach (var value in row)
                        sum += MathF.Exp(value - max);
                    var reciprocal = 1 / sum;
                    for (var j = 0; j < seqKv; j++)
                        row[j] = MathF.Exp(row[j] - max) * reciprocal; // masked: exp(−∞) = 0
                }

                AttentionExecutor.ApplyProbabilities(x, b, h, s, output);
            }
        }

        return output;
    }
}
