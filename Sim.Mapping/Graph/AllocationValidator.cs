namespace Sim.Mapping.Graph;

/// <summary>
/// Checks a <see cref="GraphAllocation"/> against its graph and budget from first principles, sharing no code with the
/// solvers: a topological order, one valid option per operator, no two resident blocks overlapping in time × address,
/// every operator's inputs, outputs and working buffer resident at its step (a streamed option's tensors may be absent),
/// capacity respected, every DRAM read of a tensor after DRAM holds a copy, and the traffic recomputed from the runs and
/// the chosen options equal to the reported traffic, kind by kind and event by event (tensor, step, kind, bytes), blocks
/// aligned to and occupying whole granules, the peak recomputed, and an Optimal result's bound equal to its objective.
/// Returns the problems found (empty = valid).
/// </summary>
public static class AllocationValidator
{
    public static IReadOnlyList<string> Validate(TensorGraph graph, GraphAllocation allocation, long scratchpadBytes, long alignmentBytes = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(alignmentBytes, 1);
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

        // Blocks start on a granule and occupy whole granules, within the granules the scratchpad holds.
        long Whole(long bytes) => (bytes + alignmentBytes - 1) / alignmentBytes * alignmentBytes;
        var usable = scratchpadBytes / alignmentBytes * alignmentBytes;
        foreach (var b in blocks)
        {
            if (b.Address < 0 || b.Address + Whole(b.Size) > usable)
                problems.Add($"{b.Label}: bytes [{b.Address},{b.Address + Whole(b.Size)}) outside the {scratchpadBytes}-byte scratchpad");
            if (b.Address % alignmentBytes != 0)
                problems.Add($"{b.Label}: address {b.Address} is not a multiple of the {alignmentBytes}-byte alignment");
        }

        for (var i = 0; i < blocks.Count; i++)
        {
            for (var j = i + 1; j < blocks.Count; j++)
            {
                var (a, b) = (blocks[i], blocks[j]);
                if (a.Start < b.End && b.Start < a.End && a.Address < b.Address + Whole(b.Size) && b.Address < a.Address + Whole(a.Size))
                    problems.Add($"{a.Label} and {b.Label} overlap in time and address");
            }
        }

        for (var op = 0; op < n; op++)
        {
            var s = step[op];
            var o = graph.Operators[op];
            var streamed = o.Options[allocation.ChosenOption[op]].Streamed;
            foreach (var t in o.Inputs.Concat(o.Outputs))
            {
                var covering = allocation.Runs.Count(r => r.TensorId == t && r.StartStep <= s && s < r.EndStep);
                if (covering > 1 || (covering == 0 && !streamed))
                    problems.Add($"operator '{o.Name}' at step {s}: tensor '{graph.Tensors[t].Name}' covered by {covering} runs, expected 1");
            }

            if (o.Options[allocation.ChosenOption[op]].WorkingBytes > 0 && allocation.WorkingBuffers.Count(w => w.OperatorId == op) != 1)
                problems.Add($"operator '{o.Name}': its working buffer is missing");
        }

        // Traffic from the runs: a tensor's DRAM reads are its runs that do not start at its producer's step (loads) and
        // its consumers' steps no run covers (streamed reads); a graph input's first read is compulsory. A produced tensor
        // is written once when it is read back: by its producer if no run covers the producer's step (streamed write),
        // else as a spill; graph outputs are written anyway. Inputs/parameters are read once, graph outputs written once.
        var events = new List<TrafficEvent>();
        foreach (var t in graph.Tensors)
        {
            var runs = allocation.Runs.Where(r => r.TensorId == t.Id).ToList();
            bool Covered(int s) => runs.Any(r => r.StartStep <= s && s < r.EndStep);
            var produced = t.Producer is { } p ? step[p] : -1;
            var accesses = runs.Where(r => r.StartStep != produced).Select(r => (Step: r.StartStep, Streamed: false))
                .Concat(t.Consumers.Where(c => !Covered(step[c])).Select(c => (Step: step[c], Streamed: true)))
                .OrderBy(a => a.Step).ToList();
            if (t.Producer is null)
            {
                events.Add(new(t.Id, accesses[0].Step, TrafficKind.CompulsoryRead, t.SizeBytes));
                accesses.RemoveAt(0); // the compulsory first read
            }
            else
            {
                if (t.IsGraphOutput)
                    events.Add(new(t.Id, produced, TrafficKind.CompulsoryWrite, t.SizeBytes));
                var streamedOut = !Covered(produced);
                if (!t.HasDramCopy && streamedOut)
                    events.Add(new(t.Id, produced, TrafficKind.StreamWrite, t.SizeBytes));
                else if (!t.HasDramCopy && accesses.Count > 0)
                    events.Add(new(t.Id, runs.First(r => r.StartStep <= produced && produced < r.EndStep).EndStep - 1, TrafficKind.Spill, t.SizeBytes)); // after its first run
                // DRAM holds a copy only after the producer's step (its streamed write, or a spill from its first run).
                if (accesses.Count > 0 && accesses[0].Step <= produced)
                    problems.Add($"tensor '{t.Name}' is read from DRAM at step {accesses[0].Step}, before DRAM has a copy (its producer runs at step {produced})");
            }

            // A reload brings the whole tensor back; a streamed read costs what its consumer reads.
            foreach (var a in accesses)
            {
                events.Add(a.Streamed
                    ? new(t.Id, a.Step, TrafficKind.StreamRead, graph.Operators[allocation.Order[a.Step]].ReadBytes(t.Id))
                    : new(t.Id, a.Step, TrafficKind.Reload, t.SizeBytes));
            }
        }

        long Total(TrafficKind kind) => events.Where(e => e.Kind == kind).Sum(e => e.Bytes);
        var (read, write, spill, reload, streamRead, streamWrite) = (Total(TrafficKind.CompulsoryRead), Total(TrafficKind.CompulsoryWrite),
            Total(TrafficKind.Spill), Total(TrafficKind.Reload), Total(TrafficKind.StreamRead), Total(TrafficKind.StreamWrite));
        var extra = Enumerable.Range(0, n).Sum(op => graph.Operators[op].Options[allocation.ChosenOption[op]].ExtraOffChipBytes);
        Compare(problems, "compulsory read", read, allocation.CompulsoryReadBytes);
        Compare(problems, "compulsory write", write, allocation.CompulsoryWriteBytes);
        Compare(problems, "spill", spill, allocation.SpillBytes);
        Compare(problems, "reload", reload, allocation.ReloadBytes);
        Compare(problems, "stream read", streamRead, allocation.StreamReadBytes);
        Compare(problems, "stream write", streamWrite, allocation.StreamWriteBytes);
        Compare(problems, "option extra", extra, allocation.OptionExtraBytes);
        Compare(problems, "objective", spill + reload + streamRead + streamWrite + extra, allocation.ObjectiveBytes);
        (TrafficKind Kind, long Bytes)[] byKind =
        [
            (TrafficKind.CompulsoryRead, read), (TrafficKind.CompulsoryWrite, write), (TrafficKind.Spill, spill),
            (TrafficKind.Reload, reload), (TrafficKind.StreamRead, streamRead), (TrafficKind.StreamWrite, streamWrite),
        ];
        foreach (var (kind, bytes) in byKind)
            Compare(problems, $"{kind} traffic events", bytes, allocation.Traffic.Where(e => e.Kind == kind).Sum(e => e.Bytes));
        var expected = events.OrderBy(e => e.Step).ThenBy(e => e.Kind).ThenBy(e => e.TensorId).ThenBy(e => e.Bytes).ToList();
        var reported = allocation.Traffic.OrderBy(e => e.Step).ThenBy(e => e.Kind).ThenBy(e => e.TensorId).ThenBy(e => e.Bytes).ToList();
        foreach (var missing in expected.Except(reported))
            problems.Add($"traffic event missing: {missing.Kind} of '{graph.Tensors[missing.TensorId].Name}' at step {missing.Step}, {missing.Bytes} bytes");
        foreach (var spurious in reported.Except(expected))
            problems.Add($"traffic event not derivable from the runs: {spurious.Kind} of tensor {spurious.TensorId} at step {spurious.Step}, {spurious.Bytes} bytes");
        if (expected.Count != reported.Count)
            problems.Add($"{reported.Count} traffic events reported, {expected.Count} derived from the runs");

        var used = new long[n];
        foreach (var (start, end, _, size, _) in blocks)
        {
            for (var s = Math.Max(0, start); s < Math.Min(n, end); s++)
                used[s] += size;
        }

        Compare(problems, "peak", n == 0 ? 0 : used.Max(), allocation.PeakBytes);
        if (allocation.BestBoundBytes > allocation.ObjectiveBytes)
            problems.Add($"bound {allocation.BestBoundBytes} above objective {allocation.ObjectiveBytes}");
        if (allocation.BestBoundBytes < GraphAllocation.NoBound)
            problems.Add($"bound {allocation.BestBoundBytes}: a bound is non-negative, or {GraphAllocation.NoBound} for none");
        if (allocation.Status == AllocationStatus.Optimal && allocation.BestBoundBytes != allocation.ObjectiveBytes)
            problems.Add($"status Optimal but bound {allocation.BestBoundBytes} != objective {allocation.ObjectiveBytes}");
        return problems;
    }

    private static void Compare(List<string> problems, string what, long recomputed, long reported)
    {
        if (recomputed != reported)
            problems.Add($"{what}: reported {reported} bytes, recomputed {recomputed}");
    }
}
