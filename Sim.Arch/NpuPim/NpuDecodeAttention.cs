using Sim.Core.Workloads.Llm;

namespace Sim.Arch.NpuPim;

/// <summary>
/// Decode attention of one request on the NPU alone (§A.6 eq. 8, NPU-only). The request's K and V (2·H_kv·L·d_k·b
/// bytes) stream from DRAM once — no reuse across requests — while the arrays run the two GEMV sets as weight tiles:
/// q·Kᵀ per KV head takes Kᵀ (d_k × L) as weights and streams the G query heads sharing it (G = H / H_kv), p·V takes
/// V (L × d_k). Time = max(array cycles, KV bytes / bandwidth) + the logits' softmax on the vector units (it sits
/// between the two GEMVs). Query and output vectors (a few KB) are not counted against the bandwidth. A whole batch is
/// costed by <see cref="OfBatch"/> (one stream); <see cref="Of"/> prices a request alone.
/// </summary>
public static class NpuDecodeAttention
{
    public readonly record struct Cost(long ComputeCycles, long DramBytes, long MemoryCycles, long SoftmaxCycles)
    {
        public long Cycles => Math.Max(ComputeCycles, MemoryCycles) + SoftmaxCycles;
    }

    /// <summary>
    /// A batch's decode attention as one stream: the arrays take every request's K and V tiles back to back (one pipeline
    /// fill for the batch, not one per request — a short request alone would be fill-bound), the bus streams every KV
    /// cache once, and the vector units run each request's softmax while the arrays work on other requests. The three
    /// resources pipeline across requests, so the batch takes the busiest one's total plus one softmax that cannot hide
    /// (the last request's, between its two GEMVs; the longest of the batch is charged, an upper bound).
    /// </summary>
    public readonly record struct BatchCost(long ComputeCycles, long DramBytes, long MemoryCycles, long SoftmaxCycles, long ExposedSoftmaxCycles)
    {
        public long Cycles => Math.Max(Math.Max(ComputeCycles, MemoryCycles), SoftmaxCycles) + ExposedSoftmaxCycles;
    }

    public static Cost Of(LlmDecodeAttention attention, NpuSpec npu, double dramBytesPerCycle)
    {
        ArgumentNullException.ThrowIfNull(attention);
        ArgumentNullException.ThrowIfNull(npu);
        var (qkTiles, qkWidth) = QkWidths(attention, npu);
        var (pvTiles, pvWidth) = PvWidths(attention, npu);
        var qk = PipelinedWsTiming.Cycles(attention.Heads / attention.KvHeads, qkTiles, qkWidth, npu.Arrays, npu.ArrayRows);
        var pv = PipelinedWsTiming.Cycles(attention.Heads / attention.KvHeads, pvTiles, pvWidth, npu.Arrays, npu.ArrayRows);
        var softmax = NpuVectorCycles.OpCycles(attention.Softmax, npu);
        return new(qk + pv, attention.KvBytes, NpuGemmCost.MemoryCyclesOf(attention.KvBytes, dramBytesPerCycle), softmax);
    }

    public static BatchCost OfBatch(IReadOnlyList<LlmDecodeAttention> attentions, NpuSpec npu, double dramBytesPerCycle)
    {
        ArgumentNullException.ThrowIfNull(attentions);
        ArgumentNullException.ThrowIfNull(npu);
        if (attentions.Count == 0)
            return default;
        var group = attentions[0].Heads / attentions[0].KvHeads;
        // The stream's tiles as runs (one q·Kᵀ and one p·V run per request), found by binary search on their starts:
        // a batch can hold ~10^10 tiles, far too many to list.
        var runs = new List<(long Start, Func<long, int> Width)>(2 * attentions.Count);
        long tiles = 0, bytes = 0, softmax = 0, longestSoftmax = 0;
        foreach (var a in attentions)
        {
            if (a.Heads / a.KvHeads != group)
                throw new ArgumentException("every request of a batch has the same heads per KV head", nameof(attentions));
            foreach (var (count, width) in new[] { QkWidths(a, npu), PvWidths(a, npu) })
            {
                runs.Add((tiles, width));
                tiles = checked(tiles + count);
            }

            bytes = checked(bytes + a.KvBytes);
            var s = NpuVectorCycles.OpCycles(a.Softmax, npu);
            softmax += s;
            longestSoftmax = Math.Max(longestSoftmax, s);
        }

        var starts = runs.Select(r => r.Start).ToArray();
        int WidthOf(long t)
        {
            var i = Array.BinarySearch(starts, t);
            var run = i >= 0 ? i : ~i - 1;
            while (run + 1 < starts.Length && starts[run + 1] == t)
                run++; // skip empty runs starting at t
            return runs[run].Width(t - starts[run]);
        }

        var compute = PipelinedWsTiming.Cycles(group, tiles, WidthOf, npu.Arrays, npu.ArrayRows);
        return new(compute, bytes, NpuGemmCost.MemoryCyclesOf(bytes, dramBytesPerCycle), softmax, longestSoftmax);
    }

    /// <summary>q·Kᵀ per KV head: Kᵀ (d × L) as ⌈d/H⌉·⌈L/W⌉ weight tiles, column-fold-major; widths come from L.</summary>
    private static (long Count, Func<long, int> At) QkWidths(LlmDecodeAttention a, NpuSpec npu)
    {
        int h = npu.ArrayRows, w = npu.ArrayCols;
        long l = a.KvTokens, kFolds = PipelinedWsTiming.CeilDiv(a.HeadDim, h), perHead = kFolds * PipelinedWsTiming.CeilDiv(l, w);
        return (a.KvHeads * perHead, t => (int)Math.Min(w, l - t % perHead / kFolds * w));
    }

    /// <summary>p·V per KV head: V (L × d) as ⌈L/H⌉·⌈d/W⌉ weight tiles; widths come from d.</summary>
    private static (long Count, Func<long, int> At) PvWidths(LlmDecodeAttention a, NpuSpec npu)
    {
        int h = npu.ArrayRows, w = npu.ArrayCols, d = a.HeadDim;
        long vFolds = PipelinedWsTiming.CeilDiv(a.KvTokens, h), perHead = vFolds * PipelinedWsTiming.CeilDiv(d, w);
        return (a.KvHeads * perHead, t => (int)Math.Min(w, d - t % perHead / vFolds * w));
    }
}
