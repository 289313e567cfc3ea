namespace Sim.Mapping.Graph;

/// <summary>
/// A graph under one operator order: the step of every operator, each tensor's event steps (its producer's step and
/// its consumers' steps, sorted; a graph input or parameter starts at its first use) and what each step must hold.
/// </summary>
public sealed class ScheduleView
{
    public ScheduleView(TensorGraph graph, IReadOnlyList<int> order)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(order);
        if (!graph.IsTopological(order))
            throw new ArgumentException($"order [{string.Join(", ", order)}] is not a topological order of the graph's {graph.Operators.Count} operators", nameof(order));
        Graph = graph;
        Order = [.. order];
        var step = new int[order.Count];
        for (var s = 0; s < order.Count; s++)
            step[order[s]] = s;
        StepOf = step;
        Events = [.. graph.Tensors.Select(t =>
            (IReadOnlyList<int>)[.. t.Consumers.Select(c => step[c]).Concat(t.Producer is { } p ? [step[p]] : []).Distinct().Order()])];
        var atStep = Enumerable.Range(0, order.Count).Select(_ => new List<int>()).ToArray();
        foreach (var t in graph.Tensors)
        {
            foreach (var e in Events[t.Id])
                atStep[e].Add(t.Id);
        }

        TensorsAtStep = atStep;
    }

    public TensorGraph Graph { get; }

    public IReadOnlyList<int> Order { get; }

    public int Steps => Order.Count;

    /// <summary>Step at which each operator runs.</summary>
    public IReadOnlyList<int> StepOf { get; }

    /// <summary>Per tensor, its sorted event steps; it must be resident at each of them.</summary>
    public IReadOnlyList<IReadOnlyList<int>> Events { get; }

    /// <summary>Per step, the tensors the step's operator reads or writes (ascending id).</summary>
    public IReadOnlyList<IReadOnlyList<int>> TensorsAtStep { get; }

    /// <summary>
    /// Bytes a step cannot do without: the least, over its operator's options, of what the option needs resident — a
    /// resident option its inputs and outputs (each rounded up to granules) plus its working buffer, a streamed option
    /// its working buffer only. Without streamed options: inputs + outputs + the smallest working buffer.
    /// </summary>
    public long RequiredBytes(int step, long granuleBytes)
    {
        var op = Graph.Operators[Order[step]];
        var tensors = TensorsAtStep[step].Sum(t => Granules(Graph.Tensors[t].SizeBytes, granuleBytes));
        return op.Options.Min(o => OptionNeedGranules(o, tensors, granuleBytes)) * granuleBytes;
    }

    /// <summary>Granules an option needs resident at its step, given its step's tensors' granules.</summary>
    internal static long OptionNeedGranules(OpOption option, long tensorGranules, long granuleBytes) =>
        (option.Streamed ? 0 : tensorGranules) + Granules(option.WorkingBytes, granuleBytes);

    /// <summary>
    /// Peak of the bytes live at a step when nothing is ever spilled or streamed (each tensor lives from its first to its
    /// last event), smallest working buffers (a streamed option may keep its tensors resident, so it counts too).
    /// </summary>
    public long NoSpillPeakBytes()
    {
        var live = new long[Steps];
        foreach (var t in Graph.Tensors)
        {
            var events = Events[t.Id];
            for (var s = events[0]; s <= events[^1]; s++)
                live[s] += t.SizeBytes;
        }

        return Enumerable.Range(0, Steps).Max(s => live[s] + Graph.Operators[Order[s]].Options.Min(o => o.WorkingBytes));
    }

    /// <summary>The first step whose requirement exceeds the scratchpad, as an infeasibility reason; null when every step fits.</summary>
    public string? CapacityProblem(long scratchpadBytes, long granuleBytes)
    {
        for (var s = 0; s < Steps; s++)
        {
            var need = RequiredBytes(s, granuleBytes);
            if (need > scratchpadBytes / granuleBytes * granuleBytes)
            {
                var op = Graph.Operators[Order[s]];
                var what = op.CanStream ? "its inputs, outputs and working buffer, or a streamed option's working buffer," : "its inputs, outputs and smallest working buffer,";
                return $"step {s} (operator '{op.Name}') needs {need} bytes for {what} more than the {scratchpadBytes}-byte scratchpad";
            }
        }

        return null;
    }

    public static long Granules(long bytes, long granuleBytes) => (bytes + granuleBytes - 1) / granuleBytes;

    /// <summary>
    /// The scratchpad in granules as the models see it: at most every tensor plus every operator's largest working
    /// buffer, all at once — a larger budget admits exactly the same solutions, and keeps CP-SAT's domains small.
    /// </summary>
    public static long CapacityGranules(TensorGraph graph, long scratchpadBytes, long granuleBytes)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var everything = graph.Tensors.Sum(t => Granules(t.SizeBytes, granuleBytes))
            + graph.Operators.Sum(op => op.Options.Max(o => Granules(o.WorkingBytes, granuleBytes)));
        return Math.Min(scratchpadBytes / granuleBytes, everything);
    }
}
