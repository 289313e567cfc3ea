using Sim.Core.Workloads;

namespace Sim.Arch.Attention;

/// <summary>
/// The unfused lowerings: QKᵀ writes the score matrix S to DRAM, softmax passes stream it, P·V reads P back.
/// With b bytes per word, |S| = Batch·Heads·SeqQ·SeqKv words (stored dense; a causal mask's entries are written as
/// −∞ without work), N unmasked scores, R softmax rows:
/// <list type="bullet">
/// <item>3-pass (unfused): qk (read Q, K; write S), max (read S), sum (read S), normalize (read S, write P),
/// pv (read P, V; write O): S/P traffic 6·|S|·b. The two GEMM passes move what the tile's own memory model says
/// (<see cref="AttentionCosting.GemmTraffic"/>): Q, K, V, S, P once each when they fit their scratchpads, more when
/// an operand must be fetched again per fold — the same rules as any other GEMM on that tile.</item>
/// <item>2-pass (Dukhan–Ablavatski): sum accumulates (mantissa, exponent) pairs, so no max pass: 5·|S|·b.</item>
/// </list>
/// Vector ops: qk scales Q by 1/√d (|Q| muls); max N max; sum N subtracts, N exps, N adds; 2-pass sum N exps
/// (as m·2^e), N exponent maxes, N rescaling muls, N adds; normalize N subtracts, N exps, N muls by 1/l plus R
/// reciprocals. The GEMMs are dense per (batch, KV-head) group with the group's queries stacked along M:
/// QKᵀ M = GroupSize·SeqQ, N = SeqKv, K = d; P·V M = GroupSize·SeqQ, N = d, K = SeqKv (a dense engine computes the
/// masked scores too; only the vector unit skips them).
/// On chip the passes need O(tile): each GEMM operand's fold block (at most one word per PE) double-buffered, and the
/// softmax stream's input and output double-buffered at one word per lane: (6·PEs + 4·lanes)·b.
/// </summary>
internal static class UnfusedAttention
{
    public static AttentionResult Evaluate(AttentionCosting c, bool twoPass)
    {
        var a = c.Attention;
        long b = c.WordBytes;
        var lowering = twoPass ? AttentionLowering.TwoPass : AttentionLowering.Unfused;
        var need = checked((6 * c.Arch.Tile.PeCount + 4L * c.Arch.Vector.Lanes) * b);
        if (need > c.Arch.OnChipBufferBytes)
            return c.Infeasible(lowering, $"the GEMM fold blocks and softmax stream need {need} B on chip but the scratchpads hold {c.Arch.OnChipBufferBytes} B", need);

        long sBytes = checked(a.Batch * a.Heads * a.SeqQ * a.SeqKv * b);
        long n = a.Scores, rows = a.Rows;
        var qk = new GemmShape(a.GroupRows, a.SeqKv, a.HeadDim);
        var pv = new GemmShape(a.GroupRows, a.HeadDim, a.SeqKv);
        var (qkReads, qkWrites) = c.GemmTraffic(qk, a.Groups);
        c.VectorSram(checked(a.QElements * b), checked(a.QElements * b)); // Q scaled by 1/√d on its way into QKᵀ
        var passes = new List<AttentionPass>
        {
            c.Pass("qk", c.Gemms(qk, a.Groups), new VectorOps(0, 0, a.QElements, 0), qkReads, qkWrites),
        };
        if (twoPass)
        {
            passes.Add(c.SoftmaxPass("sum", new VectorOps(n, n, n, n), sBytes, 0));
        }
        else
        {
            passes.Add(c.SoftmaxPass("max", new VectorOps(n, 0, 0, 0), sBytes, 0));
            passes.Add(c.SoftmaxPass("sum", new VectorOps(0, 2 * n, 0, n), sBytes, 0));
        }

        passes.Add(c.SoftmaxPass("normalize", new VectorOps(0, n, n, checked(n + rows)), sBytes, sBytes));
        var (pvReads, pvWrites) = c.GemmTraffic(pv, a.Groups);
        passes.Add(c.Pass("pv", c.Gemms(pv, a.Groups), VectorOps.Zero, pvReads, pvWrites));
        return c.Result(lowering, passes, need);
    }
}
