namespace Sim.Mapping.Graph;

/// <summary>An operator order and its peak footprint when nothing is spilled (COSMA's MPMF, Eq.13–15).</summary>
public sealed record PeakOrder(IReadOnlyList<int> Order, long PeakBytes, bool Exact);

/// <summary>
/// The topological order of minimum peak footprint (every tensor resident from its first to its last use, smallest
/// working buffers). Exact for small graphs: dynamic programming over the sets of already-scheduled operators (the live
/// set after a set S depends on S only), value = the smallest achievable peak so far. Larger graphs (or too many states):
/// greedy — run the ready operator whose step needs least, then with the smallest growth of the live set, then the
/// earliest declared. Ties keep the lowest ids, so the order is deterministic.
/// </summary>
public static class MinPeakOrder
{
    /// <summary>Up to this many operators the order is exact by default (the one cutoff budgets, allocator and docs use).</summary>
    public const int DefaultExactMaxOps = 20;

    private const int MaxDpStates = 1 << 21;

    public static PeakOrder Find(TensorGraph graph, int exactMaxOps = DefaultExactMaxOps)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (graph.Operators.Count <= Math.Min(exactMaxOps, 63) && Exact(graph) is { } exact)
            return exact;
        var order = Greedy(graph);
        return new PeakOrder(order, new ScheduleView(graph, order).NoSpillPeakBytes(), false);
    }

    private static ulong[] UserMasks(TensorGraph graph) => [.. graph.Tensors.Select(t =>
        t.Consumers.Aggregate(t.Producer is { } p ? 1UL << p : 0UL, (m, c) => m | (1UL << c)))];

    private static PeakOrder? Exact(TensorGraph graph)
    {
        var n = graph.Operators.Count;
        var users = UserMasks(graph);
        var minWork = graph.Operators.Select(op => op.Options.Min(o => o.WorkingBytes)).ToArray();
        var needs = graph.Operators.Select(op => op.Inputs.Aggregate(0UL, (m, t) => graph.Tensors[t].Producer is { } p ? m | (1UL << p) : m)).ToArray();
        var best = new Dictionary<ulong, (long Peak, ulong Prev, int Op)> { [0] = (0, 0, -1) };
        var level = new List<ulong> { 0 };
        for (var k = 0; k < n; k++)
        {
            var next = new SortedSet<ulong>();
            foreach (var s in level)
            {
                var peak = best[s].Peak;
                for (var v = 0; v < n; v++)
                {
                    var bit = 1UL << v;
                    if ((s & bit) != 0 || (needs[v] & ~s) != 0)
                        continue;
                    var after = s | bit;
                    long memory = minWork[v];
                    for (var t = 0; t < users.Length; t++)
                    {
                        if ((users[t] & bit) != 0 || ((users[t] & s) != 0 && (users[t] & ~after) != 0))
                            memory += graph.Tensors[t].SizeBytes;
                    }

                    var candidate = Math.Max(peak, memory);
                    if (!best.TryGetValue(after, out var known) || candidate < known.Peak)
                        best[after] = (candidate, s, v);
                    next.Add(after);
                }
            }

            if (best.Count > MaxDpStates)
                return null;
            level = [.. next];
        }

        var full = n == 64 ? ulong.MaxValue : (1UL << n) - 1;
        var order = new List<int>(n);
        for (var s = full; s != 0; s = best[s].Prev)
            order.Add(best[s].Op);
        order.Reverse();
        return new PeakOrder(order, best[full].Peak, true);
    }

    private static int[] Greedy(TensorGraph graph)
    {
        var n = graph.Operators.Count;
        var done = new bool[n];
        var order = new List<int>(n);
        var minWork = graph.Operators.Select(op => op.Options.Min(o => o.WorkingBytes)).ToArray();
        var users = graph.Tensors.Select(t => t.Consumers.Concat(t.Producer is { } p ? [p] : []).ToArray()).ToArray();
        var remaining = users.Select(u => u.Length).ToArray();
        var started = new bool[graph.Tensors.Count];
        while (order.Count < n)
        {
            long live = 0;
            for (var t = 0; t < users.Length; t++)
            {
                if (started[t] && remaining[t] > 0)
                    live += graph.Tensors[t].SizeBytes;
            }

            var pick = -1;
            (long Need, long Growth) bestKey = (long.MaxValue, long.MaxValue);
            for (var v = 0; v < n; v++)
            {
                var op = graph.Operators[v];
                if (done[v] || op.Inputs.Any(t => graph.Tensors[t].Producer is { } p && !done[p]))
                    continue;
                var touched = op.Inputs.Concat(op.Outputs).ToArray();
                var need = live + minWork[v] + touched.Where(t => !started[t]).Sum(t => graph.Tensors[t].SizeBytes);
                var growth = op.Outputs.Where(t => remaining[t] > 1).Sum(t => graph.Tensors[t].SizeBytes)
                    - op.Inputs.Where(t => started[t] && remaining[t] == 1).Sum(t => graph.Tensors[t].SizeBytes);
                if ((need, growth).CompareTo(bestKey) < 0)
                    (pick, bestKey) = (v, (need, growth));
            }

            done[pick] = true;
            order.Add(pick);
            foreach (var t in graph.Operators[pick].Inputs.Concat(graph.Operators[pick].Outputs))
            {
                started[t] = true;
                remaining[t]--;
            }
        }

        return [.. order];
    }
}
