using AttentionOp = Sim.Core.Workloads.Attention;

namespace Sim.Explorer.Verify;

/// <summary>
/// Elementwise bound for an fp32 attention path against <c>ReferenceAttention</c> (computed in fp64), for output
/// (row i, element e), first order in u = 2⁻²⁴ with n = the row's visible keys and d = the head dimension:
/// <list type="number">
/// <item>Scores: s_j = (q·k_j)·scale is a d-term dot product, then a multiply by a rounded 1/√d (sqrt, divide, multiply:
/// three more roundings): |δs_j| ≤ Δ = γ_{d+3}·scale·max_j Σ_e|q_e·k_je|.</item>
/// <item>Softmax of perturbed scores: p'_j = p_j·e^{δ_j}/Σ_l p_l·e^{δ_l}, so |p'_j − p_j| ≤ (e^{2Δ} − 1)·p_j ≈ 2Δ·p_j.</item>
/// <item>Evaluating the softmax (exp within 1 ulp, the max subtraction, an n-term sum, a divide; the online lowering
/// also rescales its running sum and output by exp(m_old − m_new) at most once per key) and P·V (an n-term dot product):
/// together at most γ_{5n+8} relative to Σ_j p_j·|v_je|.</item>
/// </list>
/// So |O'_ie − O_ie| ≤ (2Δ + γ_{5n+8} + r)·Σ_j p_j·|v_je|, r = an extra relative rounding of p the path states (PIM: p
/// enters the global buffer as fp16, r = 2⁻¹¹). The bound used is twice that: the factor 2 covers the second-order
/// terms dropped above (e^{2Δ} − 1 vs 2Δ, products of γs), which are < 1 % of it for the suite's sizes.
/// </summary>
public static class AttentionBounds
{
    public const double SafetyFactor = 2;

    public static double[] For(AttentionOp a, ReadOnlySpan<float> q, ReadOnlySpan<float> k, ReadOnlySpan<float> v, double extraRelative = 0)
    {
        ArgumentNullException.ThrowIfNull(a);
        int d = (int)a.HeadDim, seqQ = (int)a.SeqQ, seqKv = (int)a.SeqKv;
        var bound = new double[a.QElements];
        var scores = new double[seqKv];
        var scale = 1 / Math.Sqrt(d);
        var u = FloatBounds.SingleUnitRoundoff;
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
                    double max = double.NegativeInfinity, absDot = 0;
                    for (var j = 0; j < visible; j++)
                    {
                        double dot = 0, abs = 0;
                        for (var e = 0; e < d; e++)
                        {
                            var product = (double)q[qBase + i * d + e] * k[kvBase + j * d + e];
                            dot += product;
                            abs += Math.Abs(product);
                        }

                        scores[j] = dot * scale;
                        max = Math.Max(max, scores[j]);
                        absDot = Math.Max(absDot, abs);
                    }

                    double sum = 0;
                    for (var j = 0; j < visible; j++)
                    {
                        scores[j] = Math.Exp(scores[j] - max);
                        sum += scores[j];
                    }

                    var delta = FloatBounds.Gamma(d + 3, u) * scale * absDot;
                    var relative = SafetyFactor * ((2 * delta) + FloatBounds.Gamma((5L * visible) + 8, u) + extraRelative);
                    for (var e = 0; e < d; e++)
                    {
                        double weighted = 0;
                        for (var j = 0; j < visible; j++)
                            weighted += scores[j] / sum * Math.Abs(v[kvBase + j * d + e]);
                        bound[qBase + i * d + e] = relative * weighted;
                    }
                }
            }
        }

        return bound;
    }
}
