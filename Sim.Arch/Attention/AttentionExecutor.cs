using Sim.Core.Workloads;
using AttentionOp = Sim.Core.Workloads.Attention;

namespace Sim.Arch.Attention;

/// <summary>
/// Runs attention functionally in fp32 in a lowering's own order, so each lowering's numerics can be checked against
/// <see cref="Core.Reference.ReferenceAttention"/>. Output layout [batch, heads, seq_q, dim].
/// </summary>
public static class AttentionExecutor
{
    /// <param name="block">The fused block (Br, Bc); required for <see cref="AttentionLowering.Fused"/>, ignored otherwise.</param>
    public static float[] Run(AttentionLowering lowering, AttentionOp a, float[] q, float[] k, float[] v, FusedBlock? block = null)
    {
        var operands = new AttentionOperands(a, q, k, v);
        return lowering switch
        {
            AttentionLowering.Unfused => ThreePassExecutor.Run(operands),
            AttentionLowering.TwoPass => TwoPassExecutor.Run(operands),
            AttentionLowering.Fused => OnlineSoftmaxExecutor.Run(operands,
                block ?? throw new ArgumentNullException(nameof(block), "the fused executor needs its block size")),
            _ => throw new ArgumentOutOfRangeException(nameof(lowering)),
        };
    }

    /// <summary>O = P·V for one head with P [SeqQ, SeqKv] materialised (the unfused lowerings' last GEMM), fp32.</summary>
    internal static void ApplyProbabilities(AttentionOperands x, int batch, int head, float[] p, float[] output)
    {
        int seqQ = (int)x.A.SeqQ, seqKv = (int)x.A.SeqKv;
        for (var i = 0; i < seqQ; i++)
        {
            var o = x.QBase(batch, head, i);
            for (var e = 0; e < x.D; e++)
            {
                float acc = 0;
                for (var j = 0; j < seqKv; j++)
                    acc += p[i * seqKv + j] * x.V(batch, head, j, e);
                output[o + e] = acc;
            }
        }
    }
}
