namespace Sim.Arch.Attention;

/// <summary>
/// The two-pass lowering's numerics (Dukhan &amp; Ablavatski 2020): exp(s) is carried as a pair (m, e) with
/// exp(s) = m·2^e, m ∈ [1/√2, √2]. Pass 1 sums the pairs against the largest exponent seen so far (rescaling the sum
/// when a larger one arrives) — no max pass, no overflow; pass 2 writes p = m·2^(e − E) / M. Then O = P·V.
/// </summary>
public static class TwoPassExecutor
{
    internal static float[] Run(AttentionOperands x)
    {
        var a = x.A;
        int seqQ = (int)a.SeqQ, seqKv = (int)a.SeqKv;
        var output = new float[a.QElements];
        var p = new float[seqQ * seqKv];
        for (var b = 0; b < a.Batch; b++)
        {
            for (var h = 0; h < a.Heads; h++)
            {
                for (var i = 0; i < seqQ; i++)
                {
                    var visible = (int)a.VisibleKeys(i);
                    float sumMantissa = 0;
                    var sumExponent = 0;
                    for (var j = 0; j < visible; j++)
                    {
                        var (m, e) = ExpPair(x.Score(b, h, i, j));
                        if (j == 0 || e > sumExponent)
                        {
                            sumMantissa = j == 0 ? 0 : MathF.ScaleB(sumMantissa, sumExponent - e);
                            sumExponent = e;
                        }

                        sumMantissa += MathF.ScaleB(m, e - sumExponent);
                    }

                    var reciprocal = 1 / sumMantissa;
                    for (var j = 0; j < seqKv; j++)
                    {
                        if (j >= visible)
                        {
                            p[i * seqKv + j] = 0;
                            continue;
                        }

                        var (m, e) = ExpPair(x.Score(b, h, i, j));
                        p[i * seqKv + j] = MathF.ScaleB(m, e - sumExponent) * reciprocal;
                    }
                }

                AttentionExecutor.ApplyProbabilities(x, b, h, p, output);
            }
        }

        return output;
    }

    /// <summary>
    /// exp(s) = m·2^e with e = round(s·log₂e). The reduction s − e·ln 2 is done in double (XNNPACK uses a two-constant
    /// Cody–Waite split for the same exactness), so m is exp of the correctly reduced argument rounded to fp32.
    /// </summary>
    public static (float Mantissa, int Exponent) ExpPair(float s)
    {
        var e = (int)Math.Round(s * 1.4426950408889634);
        return ((float)Math.Exp(s - e * 0.6931471805599453), e);
    }
}
