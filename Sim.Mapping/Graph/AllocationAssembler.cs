namespace Sim.Mapping.Graph;

/// <summary>
/// Turns per-gap keep/drop decisions, addresses and option choices (from any solver) into a <see cref="GraphAllocation"/>:
/// merges kept gaps into residency runs and derives every DRAM transfer, so all solvers account traffic the same way.
/// </summary>
internal static class AllocationAssembler
{
    /// <param name="keep">Per tensor, per gap between consecutive events: stays resident (same address) or not.</param>
    /// <param name="eventAddress">Per tensor, per event: its address in bytes (equal across a kept gap).</param>
    /// <param name="workAddress">Per operator: its working buffer's address (ignored when the chosen option needs none).</param>
    public static GraphAllocation Build(
        string method, AllocationStatus status, ScheduleView view, bool[][] keep, long[][] eventAddress,
        int[] chosenOption, long[] workAddress, long bestBoundBytes, double solveSeconds)
    {
        var graph = view.Graph;
        var runs = new List<ResidencyRun>();
        var traffic = new List<TrafficEvent>();
        long compulsoryRead = 0, compulsoryWrite = 0, spill = 0, reload = 0;
        foreach (var tensor in graph.Tensors)
        {
            var events = view.Events[tensor.Id];
            if (tensor.Producer is null)
            {
                traffic.Add(new(tensor.Id, events[0], TrafficKind.CompulsoryRead, tensor.SizeBytes));
                compulsoryRead += tensor.SizeBytes;
            }
            else if (tensor.IsGraphOutput)
            {
                traffic.Add(new(tensor.Id, events[0], TrafficKind.CompulsoryWrite, tensor.SizeBytes));
                compulsoryWrite += tensor.SizeBytes;
            }

            var runStart = 0;
            var spilled = false;
            for (var j = 0; j < events.Count; j++)
            {
                if (j < events.Count - 1 && keep[tensor.Id][j])
                    continue;
                runs.Add(new(tensor.Id, events[runStart], events[j] + 1, eventAddress[tensor.Id][runStart], tensor.SizeBytes));
                if (j < events.Count - 1)
                {
                    if (!spilled && !tensor.HasDramCopy)
                    {
                        traffic.Add(new(tensor.Id, events[j], TrafficKind.Spill, tensor.SizeBytes));
                        spill += tensor.SizeBytes;
                    }

                    spilled = true;
                    traffic.Add(new(tensor.Id, events[j + 1], TrafficKind.Reload, tensor.SizeBytes));
                    reload += tensor.SizeBytes;
                }

                runStart = j + 1;
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

        var objective = spill + reload + extra;
        return new GraphAllocation(
            method, status, null, view.Order, chosenOption, [.. runs.OrderBy(r => r.StartStep).ThenBy(r => r.TensorId)], work,
            [.. traffic.OrderBy(t => t.Step).ThenBy(t => t.Kind).ThenBy(t => t.TensorId)],
            compulsoryRead, compulsoryWrite, spill, reload, extra, PeakBytes(view.Steps, runs, work), objective,
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
