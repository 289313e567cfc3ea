using Sim.Arch.Folding;

namespace Sim.Arch.Attention;

/// <summary>
/// FlashAttention's tiling: the block size chosen from the on-chip buffer and which blocks a causal mask leaves live.
/// </summary>
public static class FusedTiling
{
    /// <summary>
    /// Words one block keeps on chip: the Q block Br·d, the K and V blocks 2·Bc·d, the score/probability block Br·Bc,
    /// and per row the running max m, sum l and output accumulator O: Br·(2 + d). Independent of the sequence length.
    /// </summary>
    public static long NeedWords(FusedBlock block, long headDim) =>
        checked(block.Rows * headDim + 2 * block.Cols * headDim + block.Rows * block.Cols + block.Rows * (2 + headDim));

    /// <summary>
    /// FA1's choice for a buffer of M words: Bc = ⌈M / 4d⌉, Br = min(Bc, d), clamped to the keys and the group's
    /// stacked query rows. FA1's rule assumes M ≫ d²; when its block does not fit, Bc is halved (Br follows it down
    /// while Br &gt; Bc) until it fits. Null when even a 1×1 block (4d + 3 words) does not fit.
    /// </summary>
    public static FusedBlock? Fa1(long bufferWords, long headDim, long groupRows, long seqKv)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(headDim, 1);
        long bc = Math.Min(Math.Max(1, FoldGeometry.CeilDiv(bufferWords, 4 * headDim)), seqKv);
        long br = Math.Min(Math.Min(bc, headDim), groupRows);
        while (NeedWords(new FusedBlock(br, bc), headDim) > bufferWords)
        {
            if (bc == 1 && br == 1)
                return null;
            bc = Math.Max(1, FoldGeometry.CeilDiv(bc, 2));
            br = Math.Min(br, bc);
        }

        return new FusedBlock(br, bc);
    }

    /// <summary>
    /// The blocks <see cref="FusedBlockPolicy.Auto"/> tries: Br and Bc powers of two below the group's stacked query
    /// rows and the keys (from the first one that cuts its extent into at most <see cref="MaxBlocksPerExtent"/> blocks),
    /// plus those two extents themselves, that fit <paramref name="bufferWords"/>; ascending
    /// (Br, Bc), then FA1's block (so the search is never slower than FA1). Independent of the sequence length once
    /// both extents exceed the largest block that fits.
    /// </summary>
    public static IEnumerable<FusedBlock> Candidates(long bufferWords, long headDim, long groupRows, long seqKv)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(headDim, 1);
        var fa1 = Fa1(bufferWords, headDim, groupRows, seqKv);
        foreach (var rows in Extents(groupRows))
        {
            foreach (var cols in Extents(seqKv))
            {
                var block = new FusedBlock(rows, cols);
                if (NeedWords(block, headDim) <= bufferWords && block != fa1)
                    yield return block;
            }
        }

        if (fa1 is { } last)
            yield return last;
    }

    /// <summary>Smallest candidate extent: 1/<see cref="MaxBlocksPerExtent"/> of it, so a huge sequence cannot make the search slow.</summary>
    public const long MaxBlocksPerExtent = 4096;

    private static IEnumerable<long> Extents(long limit)
    {
        long size = 1;
        while (size * MaxBlocksPerExtent < limit)
            size *= 2;
        for (; size < limit; size *= 2)
            yield return size;
        yield return limit;
    }

    /// <summary>
    /// Blocks one (batch, KV-head) group computes, by shape, with their counts. Stacked row r is query r / GroupSize;
    /// a block is live when its first key is visible to its last query (a causal mask skips the others; partly masked
    /// blocks are computed in full). Only the last live block of a row block can be narrower than Bc.
    /// </summary>
    public static IReadOnlyList<(FusedBlock Shape, long Count)> LiveBlocks(Core.Workloads.Attention a, FusedBlock block)
    {
        ArgumentNullException.ThrowIfNull(a);
        var counts = new SortedDictionary<(long Rows, long Cols), long>();
        void Add(long rows, long cols, long count)
        {
            if (count > 0)
                counts[(rows, cols)] = counts.GetValueOrDefault((rows, cols)) + count;
        }

        // Full row blocks in runs of equal live-block count (it never decreases down the rows, so each run's end is a
        // binary search): one run without a mask, at most ⌈SeqKv/Bc⌉ runs with one, however long the sequence.
        long fullBlocks = a.GroupRows / block.Rows;
        for (long t = 0; t < fullBlocks;)
        {
            var live = LiveColumnBlocks(a, block, checked((t + 1) * block.Rows) - 1);
            long lo = t, hi = fullBlocks - 1;
            while (lo < hi)
            {
                var mid = lo + ((hi - lo + 1) / 2);
                if (LiveColumnBlocks(a, block, checked((mid + 1) * block.Rows) - 1) == live)
                    lo = mid;
                else
                    hi = mid - 1;
            }

            var run = lo - t + 1;
            Add(block.Rows, block.Cols, checked((live - 1) * run));
            Add(block.Rows, Math.Min(block.Cols, a.SeqKv - ((live - 1) * block.Cols)), run);
            t = lo + 1;
        }

        var tailRows = a.GroupRows - (fullBlocks * block.Rows);
        if (tailRows > 0)
        {
            var live = LiveColumnBlocks(a, block, a.GroupRows - 1);
            Add(tailRows, block.Cols, live - 1);
            Add(tailRows, Math.Min(block.Cols, a.SeqKv - ((live - 1) * block.Cols)), 1);
        }

        return counts.Select(kv => (new FusedBlock(kv.Key.Rows, kv.Key.Cols), kv.Value)).ToList();
    }

    /// <summary>Key blocks a row block whose last stacked row is <paramref name="lastRow"/> must visit: ⌈visible keys / Bc⌉.</summary>
    public static long LiveColumnBlocks(Core.Workloads.Attention a, FusedBlock block, long lastRow)
    {
        ArgumentNullException.ThrowIfNull(a);
        return FoldGeometry.CeilDiv(a.VisibleKeys(lastRow / a.GroupSize), block.Cols);
    }
}
