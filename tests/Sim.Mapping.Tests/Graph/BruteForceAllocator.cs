using Sim.Mapping.Graph;

namespace Sim.Mapping.Tests.Graph;

/// <summary>
/// Test oracle sharing no code with the solvers: for a fixed order, enumerate every option combination, every
/// present/absent choice of a tensor at an event whose operator runs a streamed option, and every keep/drop choice per
/// gap of ≥ 2 steps whose ends are both present (a 1-step gap is kept iff both ends are present), in order of cost, and
/// return the first whose blocks pack exactly (gravity-compaction DFS: in a compacted packing each block rests at 0 or
/// on top of a time-overlapping block, so placing blocks in non-decreasing address order with those candidate
/// addresses is complete), in granules of <c>alignment</c> bytes.
/// Cost, from the traffic rules: every access of a tensor that is not kept from its previous event — a load when present
/// (size bytes), a streamed read when absent (the consumer's read bytes) — costs its bytes, except a produced tensor's first event (its creation) and a graph
/// input's first access (compulsory); a produced tensor that is not a graph output and is read back, or whose producer
/// streams it out, is written once (size bytes); plus the options' extra bytes.
/// </summary>
internal static class BruteForceAllocator
{
    public static long? FixedOrder(TensorGraph graph, IReadOnlyList<int> order, long capacity, long alignment = 1)
    {
        long Granules(long bytes) => (bytes + alignment - 1) / alignment;
        var capacityGranules = capacity / alignment;
        var step = new int[order.Count];
        for (var s = 0; s < order.Count; s++)
            step[order[s]] = s;
        var events = graph.Tensors.Select(t => t.Consumers.Select(c => step[c]).Concat(t.Producer is { } p ? [step[p]] : []).Distinct().Order().ToArray()).ToArray();
        var opAt = new int[order.Count];
        for (var s = 0; s < order.Count; s++)
            opAt[s] = order[s];

        var combos = new List<int[]> { Array.Empty<int>() };
        foreach (var op in graph.Operators)
            combos = [.. combos.SelectMany(c => Enumerable.Range(0, op.Options.Count).Select(o => c.Append(o).ToArray()))];

        (bool[][] Present, bool[][] Keep) Decode(int[] combo, int presenceMask, int keepMask)
        {
            var free = FreeEvents(combo);
            var present = events.Select(e => Enumerable.Repeat(true, e.Length).ToArray()).ToArray();
            for (var i = 0; i < free.Count; i++)
            {
                if ((presenceMask & (1 << i)) != 0)
                    present[free[i].Tensor][free[i].Index] = false;
            }

            var gaps = KeepableGaps(present);
            var keep = events.Select((e, t) => Enumerable.Range(0, e.Length - 1).Select(j => e[j + 1] - e[j] == 1 && present[t][j] && present[t][j + 1]).ToArray()).ToArray();
            for (var i = 0; i < gaps.Count; i++)
                keep[gaps[i].Tensor][gaps[i].Index] = (keepMask & (1 << i)) != 0;
            return (present, keep);
        }

        List<(int Tensor, int Index)> FreeEvents(int[] combo) =>
            [.. graph.Tensors.SelectMany(t => events[t.Id].Select((e, j) => (t.Id, j, e)))
                .Where(x => graph.Operators[opAt[x.e]].Options[combo[opAt[x.e]]].Streamed).Select(x => (x.Id, x.j))];

        List<(int Tensor, int Index)> KeepableGaps(bool[][] present) =>
            [.. graph.Tensors.SelectMany(t => Enumerable.Range(0, events[t.Id].Length - 1).Select(j => (t.Id, j)))
                .Where(x => events[x.Item1][x.j + 1] - events[x.Item1][x.j] >= 2 && present[x.Item1][x.j] && present[x.Item1][x.j + 1])];

        var candidates = new List<(long Cost, int Combo, int PresenceMask, int KeepMask)>();
        for (var c = 0; c < combos.Count; c++)
        {
            var combo = combos[c];
            var extra = combo.Select((o, op) => graph.Operators[op].Options[o].ExtraOffChipBytes).Sum();
            for (var pm = 0; pm < 1 << FreeEvents(combo).Count; pm++)
            {
                var (present, _) = Decode(combo, pm, 0);
                for (var km = 0; km < 1 << KeepableGaps(present).Count; km++)
                {
                    var (_, keep) = Decode(combo, pm, km);
                    candidates.Add((extra + Traffic(graph, events, opAt, present, keep), c, pm, km));
                }
            }
        }

        foreach (var (cost, c, pm, km) in candidates.OrderBy(x => x.Cost))
        {
            var combo = combos[c];
            var (present, keep) = Decode(combo, pm, km);
            var boxes = new List<(int Start, int End, long Height)>();
            foreach (var t in graph.Tensors)
            {
                var e = events[t.Id];
                for (var j = 0; j < e.Length; j++)
                {
                    if (!present[t.Id][j] || (j > 0 && keep[t.Id][j - 1]))
                        continue;
                    var last = j;
                    while (last + 1 < e.Length && keep[t.Id][last])
                        last++;
                    boxes.Add((e[j], e[last] + 1, Granules(t.SizeBytes)));
                }
            }

            foreach (var op in graph.Operators)
            {
                var w = op.Options[combo[op.Id]].WorkingBytes;
                if (w > 0)
                    boxes.Add((step[op.Id], step[op.Id] + 1, Granules(w)));
            }

            if (Packs(boxes, capacityGranules, order.Count))
                return cost;
        }

        return null;
    }

    private static long Traffic(TensorGraph graph, int[][] events, int[] opAt, bool[][] present, bool[][] keep)
    {
        long bytes = 0;
        foreach (var t in graph.Tensors)
        {
            var produced = t.Producer is not null;
            var reads = 0;
            for (var j = produced ? 1 : 0; j < events[t.Id].Length; j++)
            {
                if (j > 0 && keep[t.Id][j - 1])
                    continue;
                reads++;
                if (!produced && j == 0)
                    continue; // the compulsory first read
                // A load brings the whole tensor; a streamed read only what the consumer reads.
                var consumer = graph.Operators[opAt[events[t.Id][j]]];
                bytes += present[t.Id][j] ? t.SizeBytes : consumer.InputReadBytes[consumer.Inputs.ToList().IndexOf(t.Id)];
            }

            var dramCopy = !produced || t.Consumers.Count == 0 || t.IsGraphOutput;
            if (!dramCopy && (reads > 0 || !present[t.Id][0]))
                bytes += t.SizeBytes;
        }

        return bytes;
    }

    /// <summary>Best over every topological order (the joint problem's optimum); null when no order fits.</summary>
    public static long? AnyOrder(TensorGraph graph, long capacity, long alignment = 1) =>
        TopologicalOrders(graph).Select(o => FixedOrder(graph, o, capacity, alignment)).Where(v => v is not null).Min();

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
