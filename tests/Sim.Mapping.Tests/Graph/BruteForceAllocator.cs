using Sim.Mapping.Graph;

namespace Sim.Mapping.Tests.Graph;

/// <summary>
/// Test oracle sharing no code with the solvers: for a fixed order, enumerate every keep/drop choice per gap of ≥ 2
/// steps and every option combination in order of cost, and return the first whose blocks pack exactly (gravity-
/// compaction DFS: in a compacted packing each block rests at 0 or on top of a time-overlapping block, so placing blocks
/// in non-decreasing address order with those candidate addresses is complete). 1-byte granules.
/// </summary>
internal static class BruteForceAllocator
{
    public static long? FixedOrder(TensorGraph graph, IReadOnlyList<int> order, long capacity)
    {
        var step = new int[order.Count];
        for (var s = 0; s < order.Count; s++)
            step[order[s]] = s;
        var events = graph.Tensors.Select(t => t.Consumers.Select(c => step[c]).Concat(t.Producer is { } p ? [step[p]] : []).Distinct().Order().ToArray()).ToArray();
        var gaps = new List<(int Tensor, int Index)>();
        foreach (var t in graph.Tensors)
        {
            for (var j = 0; j + 1 < events[t.Id].Length; j++)
            {
                if (events[t.Id][j + 1] - events[t.Id][j] >= 2)
                    gaps.Add((t.Id, j));
            }
        }

        var combos = new List<int[]> { Array.Empty<int>() };
        foreach (var op in graph.Operators)
            combos = [.. combos.SelectMany(c => Enumerable.Range(0, op.Options.Count).Select(o => c.Append(o).ToArray()))];

        var candidates = new List<(long Cost, int Mask, int[] Options)>();
        for (var mask = 0; mask < 1 << gaps.Count; mask++)
        {
            long traffic = 0;
            var spilled = new HashSet<int>();
            for (var i = 0; i < gaps.Count; i++)
            {
                if ((mask & (1 << i)) == 0)
                    continue;
                var tensor = graph.Tensors[gaps[i].Tensor];
                traffic += tensor.SizeBytes;
                var dramCopy = tensor.Producer is null || tensor.Consumers.Count == 0 || tensor.IsGraphOutput;
                if (!dramCopy && spilled.Add(tensor.Id))
                    traffic += tensor.SizeBytes;
            }

            foreach (var combo in combos)
                candidates.Add((traffic + combo.Select((o, op) => graph.Operators[op].Options[o].ExtraOffChipBytes).Sum(), mask, combo));
        }

        foreach (var (cost, mask, combo) in candidates.OrderBy(c => c.Cost))
        {
            var boxes = new List<(int Start, int End, long Height)>();
            foreach (var t in graph.Tensors)
            {
                var e = events[t.Id];
                var first = 0;
                for (var j = 0; j < e.Length; j++)
                {
                    var dropped = gaps.FindIndex(gp => gp.Tensor == t.Id && gp.Index == j) is var gi && gi >= 0 && (mask & (1 << gi)) != 0;
                    var kept = j + 1 < e.Length && !dropped;
                    if (kept)
                        continue;
                    boxes.Add((e[first], e[j] + 1, t.SizeBytes));
                    first = j + 1;
                }
            }

            foreach (var op in graph.Operators)
            {
                var w = op.Options[combo[op.Id]].WorkingBytes;
                if (w > 0)
                    boxes.Add((step[op.Id], step[op.Id] + 1, w));
            }

            if (Packs(boxes, capacity, order.Count))
                return cost;
        }

        return null;
    }

    /// <summary>Best over every topological order (the joint problem's optimum); null when no order fits.</summary>
    public static long? AnyOrder(TensorGraph graph, long capacity) =>
        TopologicalOrders(graph).Select(o => FixedOrder(graph, o, capacity)).Where(v => v is not null).Min();

    public static IEnumerable<int[]> TopologicalOrders(TensorGraph graph)
    {
        var n = graph.Operators.Count;
        var done = new bool[n];
        var order = new List<int>();
        IEnumerable<int[]> Extend()
        {
            if (order.Count == n)
            {
                yield return [.. order];
                yield break;
            }

            for (var v = 0; v < n; v++)
            {
                if (done[v] || graph.Operators[v].Inputs.Any(t => graph.Tensors[t].Producer is { } p && !done[p]))
                    continue;
                done[v] = true;
                order.Add(v);
                foreach (var o in Extend())
                    yield return o;
                order.RemoveAt(order.Count - 1);
                done[v] = false;
            }
        }

        return Extend().ToList();
    }

    private static bool Packs(List<(int Start, int End, long Height)> boxes, long capacity, int steps)
    {
        for (var s = 0; s < steps; s++)
        {
            if (boxes.Where(b => b.Start <= s && s < b.End).Sum(b => b.Height) > capacity)
                return false;
        }

        var address = new long[boxes.Count];
        var placed = new bool[boxes.Count];
        bool Dfs(int count, long floor, int lastIndex)
        {
            if (count == boxes.Count)
                return true;
            for (var i = 0; i < boxes.Count; i++)
            {
                if (placed[i])
                    continue;
                var overlapping = Enumerable.Range(0, boxes.Count).Where(k => placed[k] && boxes[k].Start < boxes[i].End && boxes[i].Start < boxes[k].End).ToList();
                var candidates = overlapping.Select(k => address[k] + boxes[k].Height).Append(0L).Distinct().Order();
                foreach (var c in candidates)
                {
                    // Non-decreasing addresses; equal addresses in index order (one canonical sequence per packing).
                    if (c < floor || (c == floor && i < lastIndex) || c + boxes[i].Height > capacity)
                        continue;
                    if (overlapping.Any(k => c < address[k] + boxes[k].Height && address[k] < c + boxes[i].Height))
                        continue;
                    placed[i] = true;
                    address[i] = c;
                    if (Dfs(count + 1, c, i))
                        return true;
                    placed[i] = false;
                }
            }

            return false;
        }

        return Dfs(0, 0, -1);
    }
}
