namespace Sim.Mapping.Graph;

/// <summary>
/// Checks a <see cref="GraphAllocation"/> against its graph and budget from first principles, sharing no code with the
/// solvers: a topological order, one valid option per operator, no two resident blocks overlapping in time × address,
/// every operator's inputs, outputs and working buffer resident at its step, capacity respected, and the traffic
/// recomputed from the runs equal to the reported traffic. Returns the problems found (empty = valid).
/// </summary>
public static class AllocationValidator
{
    public static IReadOnlyList<string> Validate(TensorGraph graph, GraphAllocation allocation, long scratchpadBytes)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(allocation);
        var problems = new List<string>();
        if (!allocation.HasSolution)
        {
            if (allocation.Runs.Count > 0)
                problems.Add($"status {allocation.Status} but {allocation.Runs.Count} runs reported");
            if (string.IsNullOrEmpty(allocation.Reason))
                problems.Add($"status {allocation.Status} without a reason");
            return problems;
        }

        if (!graph.IsTopological(allocation.Order))
            return [$"order [{string.Join(", ", allocation.Order)}] is not topological"];
        var n = graph.Operators.Count;
        var step = new int[n];
        for (var s = 0; s < n; s++)
            step[allocation.Order[s]] = s;
        if (allocation.ChosenOption.Count != n)
            return [$"{allocation.ChosenOption.Count} option choices for {n} operators"];
        for (var op = 0; op < n; op++)
        {
            if (allocation.ChosenOption[op] < 0 || allocation.ChosenOption[op] >= graph.Operators[op].Options.Count)
                return [$"operator {op}: option {allocation.ChosenOption[op]} does not exist"];
        }

        // Blocks: (start, end, address, size, label).
        var blocks = new List<(int Start, int End, long Address, long Size, string Label)>();
        foreach (var run in allocation.Runs)
        {
            var tensor = graph.Tensors[run.TensorId];
            var label = $"tensor '{tensor.Name}' [{run.StartStep},{run.EndStep})";
            if (run.SizeBytes != tensor.SizeBytes)
                problems.Add($"{label}: size {run.SizeBytes} != tensor size {tensor.SizeBytes}");
            if (run.StartStep < 0 || run.EndStep > n || run.StartStep >= run.EndStep)
                problems.Add($"{label}: steps out of range");
            if (tensor.Producer is { } p && run.StartStep < step[p])
                problems.Add($"{label}: resident before its producer runs at step {step[p]}");
            blocks.Add((run.StartStep, run.EndStep, run.AddressBytes, tensor.SizeBytes, label));
        }

        foreach (var w in allocation.WorkingBuffers)
        {
            var option = graph.Operators[w.OperatorId].Options[allocation.ChosenOption[w.OperatorId]];
            if (w.Step != step[w.OperatorId] || w.SizeBytes != option.WorkingBytes)
                problems.Add($"working buffer of operator {w.OperatorId}: step {w.Step} / size {w.SizeBytes}, expected {step[w.OperatorId]} / {option.WorkingBytes}");
            blocks.Add((w.Step, w.Step + 1, w.AddressBytes, w.SizeBytes, $"working buffer of '{graph.Operators[w.OperatorId].Name}'"));
        }

        foreach (var b in blocks)
        {
            if (b.Address < 0 || b.Address + b.Size > scratchpadBytes)
                problems.Add($"{b.Label}: bytes [{b.Address},{b.Address + b.Size}) outside the {scratchpadBytes}-byte scratchpad");
        }

        for (var i = 0; i < blocks.Count; i++)
        {
            for (var j = i + 1; j < blocks.Count; j++)
            {
                var (a, b) = (blocks[i], blocks[j]);
                if (a.Start < b.End && b.Start < a.End && a.Address < b.Address + b.Size && b.Address < a.Address + a.Size)
                    problems.Add($"{a.Label} and {b.Label} overlap in time and address");
            }
        }

        for (var op = 0; op < n; op++)
        {
            var s = step[op];
            var o = graph.Operators[op];
            foreach (var t in o.Inputs.Concat(o.Outputs))
            {
                var covering = allocation.Runs.Count(r => r.TensorId == t && r.StartStep <= s && s < r.EndStep);
                if (covering != 1)
                    problems.Add($"operator '{o.Name}' at step {s}: tensor '{graph.Tensors[t].Name}' covered by {covering} runs, expected 1");
            }

            if (o.Options[allocation.ChosenOption[op]].WorkingBytes > 0 && allocation.WorkingBuffers.Count(w => w.OperatorId == op) != 1)
                problems.Add($"operator '{o.Name}': its working buffer is missing");
        }

        // Traffic from the runs: every run after a tensor's first is a reload; a produced tensor with no DRAM copy that is
        // reloaded was spilled once; inputs/parameters are read once, graph outputs written once.
        long read = 0, write = 0, spill = 0, reload = 0;
        foreach (var t in graph.Tensors)
        {
            var count = allocation.Runs.Count(r => r.TensorId == t.Id);
            if (count == 0)
                problems.Add($"tensor '{t.Name}' is never resident");
            if (t.Producer is null)
                read += t.SizeBytes;
            else if (t.Consumers.Count == 0 || t.IsGraphOutput)
                write += t.SizeBytes;
            reload += Math.Max(0, count - 1) * t.SizeBytes;
            if (count > 1 && t.Producer is not null && !t.IsGraphOutput)
                spill += t.SizeBytes;
        }

        var extra = Enumerable.Range(0, n).Sum(op => graph.Operators[op].Options[allocation.ChosenOption[op]].ExtraOffChipBytes);
        Compare(problems, "compulsory read", read, allocation.CompulsoryReadBytes);
        Compare(problems, "compulsory write", write, allocation.CompulsoryWriteBytes);
        Compare(problems, "spill", spill, allocation.SpillBytes);
        Compare(problems, "reload", reload, allocation.ReloadBytes);
        Compare(problems, "option extra", extra, allocation.OptionExtraBytes);
        Compare(problems, "objective", spill + reload + extra, allocation.ObjectiveBytes);
        Compare(problems, "traffic events", read + write + spill + reload, allocation.Traffic.Sum(e => e.Bytes));
        if (allocation.BestBoundBytes > allocation.ObjectiveBytes)
            problems.Add($"bound {allocation.BestBoundBytes} above objective {allocation.ObjectiveBytes}");
        return problems;
    }

    private static void Compare(List<string> problems, string what, long recomputed, long reported)
    {
        if (recomputed != reported)
            problems.Add($"{what}: reported {reported} bytes, recomputed {recomputed}");
    }
}
