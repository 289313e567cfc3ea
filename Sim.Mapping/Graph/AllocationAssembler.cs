namespace Sim.Mapping.Graph;

/// <summary>
/// Turns per-event presence, per-gap keep/drop decisions, addresses and option choices (from any solver) into a
/// <see cref="GraphAllocation"/>: merges kept gaps into residency runs and derives every DRAM transfer, so all solvers
/// account traffic the same way. Per tensor, its DRAM accesses in event order are: a run that does not start at the
/// producer's step (a load) and an absent consumer event (a streamed read); a graph input's first access is its
/// compulsory read, every other access is non-compulsory (a reload of the whole tensor / a streamed read of the
/// consumer's read bytes). A produced tensor without a DRAM copy
/// is written once: by its streamed producer (absent at its producer's step: stream write) or, when it is read back
/// later, as a spill after its first run.
/// </summary>
internal static class AllocationAssembler
{
    /// <param name="keep">Per tensor, per gap between consecutive events: stays resident (same address) or not; a kept gap has both ends present.</param>
    /// <param name="present">Per tensor, per event: resident at that step (false only where the event's operator streams); null = all present.</param>
    /// <param name="eventAddress">Per tensor, per event: its address in bytes (equal across a kept gap; ignored where absent).</param>
    /// <param name="workAddress">Per operator: its working buffer's address (ignored when the chosen option needs none).</param>
    public static GraphAllocation Build(
        string method, AllocationStatus status, ScheduleView view, bool[][] keep, bool[][]? present, long[][] eventAddress,
        int[] chosenOption, long[] workAddress, long bestBoundBytes, double solveSeconds)
    {
        var graph = view.Graph;
        var runs = new List<ResidencyRun>();
        var traffic = new List<TrafficEvent>();
        long compulsoryRead = 0, compulsoryWrite = 0, spill = 0, reload = 0, streamRead = 0, streamWrite = 0;
        foreach (var tensor in graph.Tensors)
        {
            var events = view.Events[tensor.Id];
            var here = present?[tensor.Id] ?? [.. Enumerable.Repeat(true, events.Count)];
            var produced = tensor.Producer is not null;
            if (!produced)
            {
                traffic.Add(new(tensor.Id, events[0], TrafficKind.CompulsoryRead, tensor.SizeBytes));
                compulsoryRead += tensor.SizeBytes;
            }
            else if (tensor.IsGraphOutput)
            {
                traffic.Add(new(tensor.Id, events[0], TrafficKind.CompulsoryWrite, tensor.SizeBytes));
                compulsoryWrite += tensor.SizeBytes;
            }

            if (produced && !here[0] && !tensor.HasDramCopy)
            {
                traffic.Add(new(tensor.Id, events[0], TrafficKind.StreamWrite, tensor.SizeBytes));
                streamWrite += tensor.SizeBytes;
            }

            var firstRunEnd = -1; // last event of the run holding the producer's output, where a spill is written
            var spilled = false;
            for (var j = 0; j < events.Count; j++)
            {
                var keptIn = j > 0 && keep[tensor.Id][j - 1] && here[j - 1] && here[j];
                if (keptIn)
                    continue;
                var creates = produced && j == 0;
                if (here[j])
                {
                    var last = j;
                    while (last < events.Count - 1 && keep[tensor.Id][last] && here[last + 1])
                        last++;
                    runs.Add(new(tensor.Id, events[j], events[last] + 1, eventAddress[tensor.Id][j], tensor.SizeBytes));
                    if (creates)
                        firstRunEnd = last;
                }

                var compulsory = !produced && j == 0;
                if (creates || compulsory)
                    continue;
                if (produced && !spilled && firstRunEnd >= 0 && !tensor.HasDramCopy)
                {
                    traffic.Add(new(tensor.Id, events[firstRunEnd], TrafficKind.Spill, tensor.SizeBytes));
                    spill += tensor.SizeBytes;
                }

                spilled = true;
                if (here[j])
                {
                    traffic.Add(new(tensor.Id, events[j], TrafficKind.Reload, tensor.SizeBytes));
                    reload += tensor.SizeBytes;
                }
                else
                {
                    // A streamed consumer reads only its own operand; a reload brings the whole tensor back.
                    var bytes = graph.Operators[view.Order[events[j]]].ReadBytes(tensor.Id);
                    traffic.Add(new(tensor.Id, events[j], TrafficKind.StreamRead, bytes));
                    streamRead += bytes;
                }
            }
        }

        var work = new List<WorkingBuffer>();
        long extra = 0;
        for (var op = 0; op < graph.Operators.Count; op++)
        {
            var option = graph.Operators[op].Options[chosenOption[op]];
            extra += option.ExtraOffChipBytes;
            if (option.WorkingBytes > 0)
                work.Add(new(op, view.StepOf[op], workAddress[op], option.WorkingBytes));
        }

        var objective = spill + reload + streamRead + streamWrite + extra;
        return new GraphAllocation(
            method, status, null, view.Order, chosenOption, [.. runs.OrderBy(r => r.StartStep).ThenBy(r => r.TensorId)], work,
            [.. traffic.OrderBy(t => t.Step).ThenBy(t => t.Kind).ThenBy(t => t.TensorId)],
            compulsoryRead, compulsoryWrite, spill, reload, streamRead, streamWrite, extra, PeakBytes(view.Steps, runs, work), objective,
            status == AllocationStatus.Optimal ? objective : Math.Min(bestBoundBytes, objective), solveSeconds);
    }

    /// <summary>Largest sum of resident bytes (tensors + working buffers) over the steps.</summary>
    public static long PeakBytes(int steps, IEnumerable<ResidencyRun> runs, IEnumerable<WorkingBuffer> work)
    {
        var used = new long[steps];
        foreach (var run in runs)
        {
            for (var s = run.StartStep; s < run.EndStep; s++)
                used[s] += run.SizeBytes;
        }

        foreach (var w in work)
            used[w.Step] += w.SizeBytes;
        return used.Length == 0 ? 0 : used.Max();
    }
}
