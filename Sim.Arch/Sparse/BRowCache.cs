using Sim.Core.Sparse;

namespace Sim.Arch.Sparse;

/// <summary>
/// Exact B-row traffic of a row-wise SpGEMM through an on-chip cache of whole B rows (a FiberCache-like buffer),
/// with LRU replacement on rows, accessed in A's traversal order (row i ascending, then its columns k ascending:
/// one shared cache, PEs' accesses serialized in row order). A miss fetches b_k elements and inserts row k at the
/// MRU end, evicting least-recently-used rows until it fits; a row larger than the whole cache streams through and
/// leaves the cache empty (as it would in a line-based LRU). The cache therefore always holds the longest
/// recency-ordered prefix that fits, so a bigger cache never fetches more (LRU's inclusion property).
/// Rows with b_k = 0 cost nothing.
/// </summary>
public static class BRowCache
{
    public readonly record struct Traffic(long Fetches, long FetchedElements, long Hits);

    public static Traffic Simulate(CsrMatrix a, IReadOnlyList<int> bRowNnz, long cacheBytes, int elementBytes)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(bRowNnz);
        var k = bRowNnz.Count;
        // Doubly linked recency list over the cached rows: head = MRU, tail = LRU; index k = sentinel.
        var next = new int[k + 1];
        var prev = new int[k + 1];
        var cached = new bool[k];
        next[k] = prev[k] = k;
        long used = 0;
        long fetches = 0, fetched = 0, hits = 0;

        void Unlink(int row)
        {
            next[prev[row]] = next[row];
            prev[next[row]] = prev[row];
        }

        void PushFront(int row)
        {
            next[row] = next[k];
            prev[row] = k;
            prev[next[k]] = row;
            next[k] = row;
        }

        for (var i = 0; i < a.Rows; i++)
        {
            foreach (var row in a.RowColumns(i))
            {
                long size = bRowNnz[row];
                if (size == 0)
                    continue;
                if (cached[row])
                {
                    hits++;
                    Unlink(row);
                    PushFront(row);
                    continue;
                }

                fetches++;
                fetched += size;
                var bytes = size * elementBytes;
                if (bytes > cacheBytes)
                {
                    for (var r = next[k]; r != k; r = next[r])
                        cached[r] = false;
                    next[k] = prev[k] = k;
                    used = 0;
                    continue;
                }

                while (used + bytes > cacheBytes)
                {
                    var victim = prev[k];
                    Unlink(victim);
                    cached[victim] = false;
                    used -= (long)bRowNnz[victim] * elementBytes;
                }

                PushFront(row);
                cached[row] = true;
                used += bytes;
            }
        }

        return new Traffic(fetches, fetched, hits);
    }
}
