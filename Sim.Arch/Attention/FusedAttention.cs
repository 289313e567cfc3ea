using Sim.Core.Workloads;

namespace Sim.Arch.Attention;

/// <summary>
/// The fused lowering (FlashAttention / FuseMax): one pass of online softmax over Br×Bc blocks
/// (<see cref="FusedTiling"/>), S and P stay on chip. Per (batch, KV-head) group the stacked query rows are cut
/// into ⌈GroupSize·SeqQ / Br⌉ row blocks; each visits its live key blocks.
/// <list type="bullet">
/// <item>Tensor engine: per live block r×c, QKᵀ (M r, N c, K d) and P·V (M r, N d, K c), each distinct shape
/// evaluated once and multiplied by its count.</item>
/// <item>Vector unit per block: r·c + r maxes (block row max, running max), r·c subtracts and exps, r·c adds (row
/// sums), exp(m_old − m_new): r subtracts and r exps, rescale of l and O: r·(d + 1) muls, l update r adds, O += P·V
/// r·d adds; once: |Q| muls (1/√d folded into Q), R reciprocals and R·d muls (O / l).</item>
/// <item>DRAM: Q once, O once, K and V once per row block: 2·d·b·Σ live block widths per group — or once per group
/// when the group's whole K and V fit on chip in place of the two Bc·d blocks (Br·d + 2·SeqKv·d + Br·Bc + Br·(2 + d)
/// words ≤ buffer): then every row block reads them from chip. FuseMax's 16 MiB L3 does this: its traffic is Q, K, V,
/// O once up to 16K tokens.</item>
/// <item>Time: max(tensor, vector, DRAM bytes / bandwidth), FuseMax's latency model.</item>
/// <item>Scratchpad traffic of the vector unit per block: read the r×c score block, the r×d O accumulator and the
/// r×d P·V result, write the probabilities P and O back; once: Q read and written (scaled by 1/√d).</item>
/// </list>
/// </summary>
internal static class FusedAttention
{
    /// <summary>
    /// The fused lowering with the block <paramref name="policy"/> picks. <see cref="FusedBlockPolicy.Auto"/> evaluates
    /// every candidate block (each on a fresh <paramref name="costing"/>, since costing sums energy) and keeps the first
    /// with the lowest energy-delay product, then the fewest cycles, then the fewest DRAM bytes. EDP rather than cycles
    /// alone: a vector-bound kernel runs about as fast with any block, and cycles alone would then pick a block that
    /// streams K and V many times for a few percent of time (16× the DRAM bytes for BERT at 4K tokens).
    /// </summary>
    public static AttentionResult Evaluate(Func<AttentionCosting> costing, FusedBlockPolicy policy)
    {
        var c = costing();
        var a = c.Attention;
        long b = c.WordBytes, d = a.HeadDim;
        var bufferWords = c.Arch.OnChipBufferBytes / b;
        var minimum = checked(FusedTiling.NeedWords(new FusedBlock(1, 1), d) * b);
        if (minimum > c.Arch.OnChipBufferBytes)
        {
            return c.Infeasible(AttentionLowering.Fused,
                $"even a 1x1 fused block needs {minimum} B (4d+3 words, d = {d}) but the scratchpads hold {c.Arch.OnChipBufferBytes} B", minimum);
        }

        if (policy == FusedBlockPolicy.Fa1)
            return Evaluate(c, FusedTiling.Fa1(bufferWords, d, a.GroupRows, a.SeqKv)!.Value);

        AttentionResult? best = null;
        foreach (var block in FusedTiling.Candidates(bufferWords, d, a.GroupRows, a.SeqKv))
        {
            var result = Evaluate(best is null ? c : costing(), block);
            if (best is null || Rank(result).CompareTo(Rank(best)) < 0)
                best = result;
        }

        return best!;
    }

    /// <summary>The search's order: energy-delay product (pJ·cycles), cycles, DRAM bytes.</summary>
    internal static (double EdpPjCycles, long Cycles, long DramBytes) Rank(AttentionResult r) =>
        (r.Energy.TotalPj * r.TotalCycles, r.TotalCycles, r.DramBytes);

    /// <summary>The fused lowering with a given block, which must fit the buffer.</summary>
    public static AttentionResult Evaluate(AttentionCosting c, FusedBlock block)
    {
        ArgumentNullException.ThrowIfNull(c);
        var a = c.Attention;
        long b = c.WordBytes, d = a.HeadDim;
        var capacity = c.Arch.OnChipBufferBytes;
        var need = checked(FusedTiling.NeedWords(block, d) * b);
        var kvResident = checked((FusedTiling.NeedWords(block, d) - 2 * block.Cols * d + 2 * a.SeqKv * d) * b) <= capacity;
        (long Macs, long Cycles) tensor = (0, 0);
        var ops = VectorOps.Zero;
        long liveKeys = 0;
        foreach (var (shape, perGroup) in FusedTiling.LiveBlocks(a, block))
        {
            long r = shape.Rows, cols = shape.Cols, count = checked(perGroup * a.Groups);
            var qk = c.Gemms(new GemmShape(r, cols, d), count);
            var pv = c.Gemms(new GemmShape(r, d, cols), count);
            tensor = (checked(tensor.Macs + qk.Macs + pv.Macs), checked(tensor.Cycles + qk.Cycles + pv.Cycles));
            long rc = checked(r * cols);
            var perBlock = new VectorOps(
                Maxes: rc + r,
                Adds: checked(2 * rc + 2 * r + r * d),
                Muls: checked(r * (d + 1)),
                Exps: rc + r);
            ops += perBlock.Times(count);
            // The vector unit reads the score block and writes P back for P·V, and rescales the O accumulator block.
            var blockWords = checked((rc + r * d) * count);
            c.VectorSram(checked((blockWords + (r * d * count)) * b), checked(blockWords * b)); // + the P·V result it adds into O
            liveKeys = checked(liveKeys + cols * count);
        }

        ops += new VectorOps(0, 0, checked(a.QElements + a.Rows * d), a.Rows);
        c.VectorSram(checked(a.QElements * b), checked(a.QElements * b)); // Q scaled by 1/√d in place
        long qBytes = checked(a.QElements * b);
        long kvBytes = kvResident ? checked(2 * a.KvElements * b) : checked(2 * liveKeys * d * b);
        var pass = c.Pass("fused", tensor, ops, checked(qBytes + kvBytes), qBytes);
        return c.Result(AttentionLowering.Fused, [pass], need, block, kvResident);
    }
}
