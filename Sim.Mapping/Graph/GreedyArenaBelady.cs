using System.Diagnostics;

namespace Sim.Mapping.Graph;

/// <summary>
/// The baseline COSMA compares against: TensorFlow-Lite-arena-style greedy placement plus Belady replacement, for a
/// fixed order. Belady: walking the steps, while a step's resident bytes exceed the capacity, drop (spill, reload at next
/// use) the resident tensor not used at this step whose next use is farthest (ties: larger, then lower id). Arena:
/// residency runs sorted by size descending (then start step, then id) each take the lowest offset that clears every
/// already placed, time-overlapping block (first fit); if that overflows, the same first fit in order of start step
/// (a linear arena) is tried. When neither fits, the capacity is lowered below what Belady kept at those steps of the
/// failed block where something is still droppable, and Belady runs again, so replacement also resolves fragmentation;
/// when nothing there is droppable the baseline gives up (Infeasible), even where an exact allocation exists.
/// Per operator the resident option with the least extra traffic whose working buffer fits its step is taken (ties:
/// smaller buffer). Only an operator whose inputs + outputs + working buffer cannot fit even in an empty scratchpad
/// takes its cheapest fitting streamed option; it then keeps resident the inputs that arrive resident (Belady evicts
/// them only after everything passing through the step) and its outputs when they fit, and streams the rest.
/// </summary>
public static class GreedyArenaBelady
{
    public const string Method = "tflite-arena + belady";

    public static GraphAllocation Solve(TensorGraph graph, GraphAllocatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(options);
        var order = options.OrderMode == OrderMode.Given ? graph.GivenOrder : MinPeakOrder.Find(graph, options.ExactOrderMaxOps).Order;
        return Solve(new ScheduleView(graph, order), options.ScratchpadBytes, options.AlignmentBytes);
    }

    public static GraphAllocation Solve(ScheduleView view, long scratchpadBytes, long alignmentBytes = 1)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentOutOfRangeException.ThrowIfLessThan(scratchpadBytes, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(scratchpadBytes, GraphAllocatorOptions.MaxScratchpadBytes);
        ArgumentOutOfRangeException.ThrowIfLessThan(alignmentBytes, 1);
        var clock = Stopwatch.StartNew();
        var g = alignmentBytes;
        if (view.CapacityProblem(scratchpadBytes, g) is { } problem)
            return GraphAllocation.NoSolution(Method, AllocationStatus.Infeasible, problem, view.Order, clock.Elapsed.TotalSeconds);

        var graph = view.Graph;
        var capacity = ScheduleView.CapacityGranules(graph, scratchpadBytes, g);
        var height = graph.Tensors.Select(t => ScheduleView.Granules(t.SizeBytes, g)).ToArray();
        var option = graph.Operators.Select(op => PickOption(view, op, capacity, g)).ToArray();
        var workHeight = graph.Operators.Select(op => ScheduleView.Granules(op.Options[option[op.Id]].WorkingBytes, g)).ToArray();
        var streamedAt = Enumerable.Range(0, view.Steps).Select(s => graph.Operators[view.Order[s]].Options[option[view.Order[s]]].Streamed).ToArray();
        var cap = Enumerable.Repeat(capacity, view.Steps).ToArray();
        // What a step cannot drop: a resident operator's tensors and working buffer; a streamed one's working buffer only.
        var required = Enumerable.Range(0, view.Steps).Select(s => workHeight[view.Order[s]]
            + (streamedAt[s] ? 0 : view.TensorsAtStep[s].Sum(t => height[t]))).ToArray();
        while (true)
        {
            var (keep, present, used, reason) = Belady(view, streamedAt, height, workHeight, cap);
            if (reason is not null)
                return GraphAllocation.NoSolution(Method, AllocationStatus.Infeasible, reason, view.Order, clock.Elapsed.TotalSeconds);
            var (address, workAddress, failed) = Arena(view, keep, present, height, workHeight, capacity);
            if (failed is not { } f)
            {
                return AllocationAssembler.Build(Method, AllocationStatus.Feasible, view, keep, present,
                    [.. address.Select(a => a.Select(y => y * g).ToArray())], option, [.. workAddress.Select(y => y * g)], GraphAllocation.NoBound, clock.Elapsed.TotalSeconds);
            }

            // Force one more eviction at every step of the failed block that still holds a droppable tensor.
            var lowered = false;
            for (var s = f.Start; s < f.End; s++)
            {
                if (used[s] > required[s])
                    (cap[s], lowered) = (Math.Min(cap[s], used[s] - 1), true);
            }

            if (lowered)
                continue;

            // Nothing left to evict there: the resident operators of the failed block stream instead (their cheapest
            // streamed option that fits), and the walk starts over; give up only when none can.
            var switched = false;
            for (var s = f.Start; s < f.End; s++)
            {
                var op = graph.Operators[view.Order[s]];
                if (streamedAt[s] || CheapestStreamed(op, capacity, g) is not { } alternative)
                    continue;
                option[op.Id] = alternative;
                workHeight[op.Id] = ScheduleView.Granules(op.Options[alternative].WorkingBytes, g);
                streamedAt[s] = true;
                required[s] = workHeight[op.Id];
                switched = true;
            }

            if (!switched)
            {
                return GraphAllocation.NoSolution(Method, AllocationStatus.Infeasible,
                    $"greedy placement found no room for a block over steps [{f.Start},{f.End}) and nothing there can be evicted or streamed (fragmentation)", view.Order, clock.Elapsed.TotalSeconds);
            }

            Array.Fill(cap, capacity);
        }
    }

    private static int PickOption(ScheduleView view, GraphOperator op, long capacity, long g)
    {
        var step = view.StepOf[op.Id];
        var tensors = view.TensorsAtStep[step].Sum(t => ScheduleView.Granules(view.Graph.Tensors[t].SizeBytes, g));
        var fitting = Enumerable.Range(0, op.Options.Count)
            .Where(o => ScheduleView.OptionNeedGranules(op.Options[o], tensors, g) <= capacity)
            .OrderBy(o => op.Options[o].ExtraOffChipBytes).ThenBy(o => op.Options[o].WorkingBytes).ThenBy(o => o)
            .ToList();
        return fitting.Where(o => !op.Options[o].Streamed).Append(fitting[0]).First();
    }

    private static int? CheapestStreamed(GraphOperator op, long capacity, long g)
    {
        var streamed = Enumerable.Range(0, op.Options.Count)
            .Where(o => op.Options[o].Streamed && ScheduleView.Granules(op.Options[o].WorkingBytes, g) <= capacity)
            .OrderBy(o => op.Options[o].ExtraOffChipBytes).ThenBy(o => op.Options[o].WorkingBytes).ThenBy(o => o)
            .ToList();
        return streamed.Count == 0 ? null : streamed[0];
    }

    private static int IndexOf(IReadOnlyList<int> events, int step)
    {
        for (var j = 0; j < events.Count; j++)
        {
            if (events[j] == step)
                return j;
        }

        return -1;
    }

    /// <summary>
    /// Keep/drop per gap and presence per event so every step's resident granules fit <paramref name="cap"/>, walking the
    /// steps: a gap is kept until evicted (Belady) and never next to an absent event. At a streamed operator's step its
    /// inputs that arrive resident stay resident (evicted, and then streamed, only after every droppable tensor passing
    /// through the step), the others are streamed; its outputs stay resident when they fit, else are streamed out.
    /// Also returns the granules used per step, recomputed after the walk (later evictions free earlier steps too).
    /// </summary>
    private static (bool[][] Keep, bool[][] Present, long[] Used, string? Reason) Belady(
        ScheduleView view, bool[] streamedAt, long[] height, long[] workHeight, long[] cap)
    {
        var graph = view.Graph;
        var keep = graph.Tensors.Select(t => Enumerable.Repeat(true, view.Events[t.Id].Count - 1).ToArray()).ToArray();
        var present = graph.Tensors.Select(t => Enumerable.Repeat(true, view.Events[t.Id].Count).ToArray()).ToArray();
        void Absent(int t, int j)
        {
            present[t][j] = false;
            if (j > 0)
                keep[t][j - 1] = false;
            if (j < keep[t].Length)
                keep[t][j] = false;
        }

        for (var s = 0; s < view.Steps; s++)
        {
            var total = workHeight[view.Order[s]];
            var droppable = new List<(int Tensor, int Gap, int NextUse)>();
            var inputs = new List<(int Tensor, int Event, int NextUse)>();
            var outputs = new List<int>();
            foreach (var t in graph.Tensors)
            {
                var events = view.Events[t.Id];
                var j = GapAt(events, s);
                if (j == -2)
                {
                    var e = IndexOf(events, s);
                    if (!streamedAt[s])
                        total += height[t.Id];
                    else if (e == 0 && t.Producer is not null)
                        outputs.Add(t.Id);
                    else if (e > 0 && present[t.Id][e - 1] && keep[t.Id][e - 1])
                    {
                        total += height[t.Id];
                        inputs.Add((t.Id, e, e + 1 < events.Count ? events[e + 1] : int.MaxValue));
                    }
                    else
                        Absent(t.Id, e);
                }
                else if (j >= 0 && keep[t.Id][j])
                {
                    total += height[t.Id];
                    droppable.Add((t.Id, j, events[j + 1]));
                }
            }

            foreach (var victim in droppable.OrderByDescending(d => d.NextUse).ThenByDescending(d => height[d.Tensor]).ThenBy(d => d.Tensor))
            {
                if (total <= cap[s])
                    break;
                keep[victim.Tensor][victim.Gap] = false;
                total -= height[victim.Tensor];
            }

            foreach (var victim in inputs.OrderByDescending(d => d.NextUse).ThenByDescending(d => height[d.Tensor]).ThenBy(d => d.Tensor))
            {
                if (total <= cap[s])
                    break;
                Absent(victim.Tensor, victim.Event);
                total -= height[victim.Tensor];
            }

            if (total > cap[s])
            {
                return (keep, present, [], $"replacement cannot make step {s} (operator '{graph.Operators[view.Order[s]].Name}') fit: " +
                    "the arena's fragmentation leaves too little room for its inputs, outputs and working buffer");
            }

            foreach (var t in outputs)
            {
                if (total + height[t] <= cap[s])
                    total += height[t];
                else
                    Absent(t, 0);
            }
        }

        var used = Enumerable.Range(0, view.Steps).Select(s => workHeight[view.Order[s]]).ToArray();
        foreach (var t in graph.Tensors)
        {
            var events = view.Events[t.Id];
            for (var j = 0; j < events.Count; j++)
            {
                if (present[t.Id][j])
                    used[events[j]] += height[t.Id];
                if (j < events.Count - 1 && keep[t.Id][j])
                {
                    for (var s = events[j] + 1; s < events[j + 1]; s++)
                        used[s] += height[t.Id];
                }
            }
        }

        return (keep, present, used, null);
    }

    /// <summary>−2: <paramref name="step"/> is an event; j ≥ 0: strictly inside gap j; −1: outside the tensor's lifetime.</summary>
    private static int GapAt(IReadOnlyList<int> events, int step)
    {
        for (var j = 0; j < events.Count; j++)
        {
            if (events[j] == step)
                return -2;
            if (j < events.Count - 1 && events[j] < step && step < events[j + 1])
                return j;
        }

        return -1;
    }

    /// <summary>First-fit by decreasing size; returns per-event addresses (granules) or the first run that did not fit.</summary>
    private static (long[][] Address, long[] WorkAddress, (int Start, int End)? Failed) Arena(
        ScheduleView view, bool[][] keep, bool[][] present, long[] height, long[] workHeight, long capacity)
    {
        var graph = view.Graph;
        // Blocks: runs (tensor ≥ 0, first event index) and working buffers (tensor = −1 − op).
        var blocks = new List<(int Owner, int FirstEvent, int Start, int End, long Height)>();
        foreach (var t in graph.Tensors)
        {
            var events = view.Events[t.Id];
            var first = 0;
            for (var j = 0; j < events.Count; j++)
            {
                if (j < events.Count - 1 && keep[t.Id][j])
                    continue;
                if (present[t.Id][first])
                    blocks.Add((t.Id, first, events[first], events[j] + 1, height[t.Id]));
                first = j + 1;
            }
        }

        foreach (var op in graph.Operators.Where(op => workHeight[op.Id] > 0))
            blocks.Add((-1 - op.Id, 0, view.StepOf[op.Id], view.StepOf[op.Id] + 1, workHeight[op.Id]));

        var bySize = blocks.OrderByDescending(b => b.Height).ThenBy(b => b.Start).ThenBy(b => b.Owner).ToList();
        var result = Place(view, bySize, capacity);
        return result.Failed is null ? result : Place(view, [.. blocks.OrderBy(b => b.Start).ThenByDescending(b => b.Height).ThenBy(b => b.Owner)], capacity) is { Failed: null } byStart ? byStart : result;
    }

    private static (long[][] Address, long[] WorkAddress, (int Start, int End)? Failed) Place(
        ScheduleView view, List<(int Owner, int FirstEvent, int Start, int End, long Height)> blocks, long capacity)
    {
        var graph = view.Graph;
        var address = graph.Tensors.Select(t => new long[view.Events[t.Id].Count]).ToArray();
        var workAddress = new long[graph.Operators.Count];
        var placed = new List<(int Start, int End, long Offset, long Height)>();
        foreach (var b in blocks)
        {
            long offset = 0;
            foreach (var p in placed.Where(p => p.Start < b.End && b.Start < p.End).OrderBy(p => p.Offset))
            {
                if (offset + b.Height <= p.Offset)
                    break;
                offset = Math.Max(offset, p.Offset + p.Height);
            }

            if (offset + b.Height > capacity)
                return (address, workAddress, (b.Start, b.End));
            placed.Add((b.Start, b.End, offset, b.Height));
            if (b.Owner < 0)
                workAddress[-1 - b.Owner] = offset;
            else
            {
                var events = view.Events[b.Owner];
                for (var j = b.FirstEvent; j < events.Count && events[j] < b.End; j++)
                    address[b.Owner][j] = offset;
            }
        }

        return (address, workAddress, null);
    }
}
