using Sim.Core.Hardware;

namespace Sim.Arch.Memory.Dram;

/// <summary>
/// Replays host requests on a <see cref="DramTimeline"/>: address mapping, then one open-page controller per channel
/// that keeps a row open until a request needs another row of the bank (row hit: RD/WR; miss, bank closed: ACT + RD/WR;
/// conflict, other row open: PRE + ACT + RD/WR) and
/// refreshes each rank tREFI after its previous REF issued (a late refresh pushes the next one, so the controller cannot
/// fall behind and livelock). Among the commands the lookahead window allows, the one that can issue first goes next (ties: the oldest request).
/// </summary>
public static class DramRequestSimulator
{
    public static DramStreamResult Run(DramTimingSpec spec, IEnumerable<DramRequest> requests, DramControllerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(requests);
        options ??= DramControllerOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(options.LookaheadRequests, 1);
        var refreshCost = DramStreamClosedForm.RefreshStallCycles(spec.Timings);
        if (options.Refresh && refreshCost >= spec.Timings.TrefiCycles)
            throw new ArgumentException($"{spec.Name}: a refresh costs {refreshCost} cycles (tRTP + tRP + tRFC + tRCD), not less than tREFI {spec.Timings.TrefiCycles}: the device would only refresh", nameof(spec));
        var queues = new List<DramAddressRequest>[spec.Channels];
        for (var c = 0; c < queues.Length; c++)
            queues[c] = [];
        foreach (var r in requests)
        {
            var a = options.Mapping.Decode(spec, r.ByteAddress);
            queues[a.Channel].Add(new DramAddressRequest(a, r.IsWrite));
        }

        var timeline = new DramTimeline(spec);
        var counts = new Counters();
        var busy = new long[spec.Channels];
        var ends = new long[spec.Channels];
        for (var c = 0; c < spec.Channels; c++)
        {
            ends[c] = RunChannel(timeline, queues[c], options, counts);
            busy[c] = timeline.DataBusBusyCycles(c);
            counts.Activates += timeline.CommandCount(c, DramCommandKind.Activate);
            counts.Refreshes += timeline.CommandCount(c, DramCommandKind.Refresh);
        }

        var requestCount = queues.Sum(q => (long)q.Count);
        return new DramStreamResult(ends.Length == 0 ? 0 : ends.Max(), requestCount * spec.BurstBytes, requestCount,
            counts.Hits, counts.Misses, counts.Conflicts, counts.Activates, counts.Refreshes, busy, ends);
    }

    private static long RunChannel(DramTimeline timeline, List<DramAddressRequest> queue, DramControllerOptions options, Counters counts)
    {
        var spec = timeline.Spec;
        var refreshDue = new long[spec.Ranks];
        Array.Fill(refreshDue, spec.Timings.TrefiCycles);
        var window = new List<Pending>();
        var next = 0;
        long end = 0;
        while (next < queue.Count || window.Count > 0)
        {
            while (window.Count < options.LookaheadRequests && next < queue.Count)
                window.Add(new Pending(queue[next++]));
            var (index, cmd, t) = BestCandidate(timeline, window, options);
            if (options.Refresh && DueRank(refreshDue, t) is { } rank)
            {
                refreshDue[rank] = RefreshRank(timeline, window[0].Request.Address.Channel, rank) + spec.Timings.TrefiCycles;
                continue;
            }

            timeline.Issue(cmd, t);
            var p = window[index];
            if (!p.Started)
            {
                p.Started = true;
                if (cmd.Kind == DramCommandKind.Precharge)
                    counts.Conflicts++;
                else if (cmd.Kind == DramCommandKind.Activate)
                    counts.Misses++;
                else
                    counts.Hits++;
            }

            if (cmd.Kind is DramCommandKind.Read or DramCommandKind.Write)
            {
                end = Math.Max(end, cmd.Kind == DramCommandKind.Read ? timeline.ReadDataEnd(t) : timeline.WriteDataEnd(t));
                window.RemoveAt(index);
            }
        }

        return end;
    }

    private static (int Index, DramCommand Cmd, long Cycle) BestCandidate(DramTimeline timeline, List<Pending> window, DramControllerOptions options)
    {
        var best = (Index: -1, Cmd: default(DramCommand), Cycle: long.MaxValue);
        for (var i = 0; i < window.Count; i++)
        {
            if (i > 0 && SharesBankWithOlder(window, i))
                continue;
            var cmd = NextCommand(timeline, window[i].Request);
            if (i > 0 && !options.ReorderData && cmd.Kind is DramCommandKind.Read or DramCommandKind.Write)
                continue; // data in request order
            var t = timeline.EarliestIssue(cmd, 0);
            if (t < best.Cycle || (options.RowCommandsWinTies && t == best.Cycle && IsRowCommand(cmd) && !IsRowCommand(best.Cmd)))
                best = (i, cmd, t);
        }

        return best;
    }

    private static bool IsRowCommand(DramCommand cmd) => cmd.Kind is DramCommandKind.Activate or DramCommandKind.Precharge;

    private static bool SharesBankWithOlder(List<Pending> window, int i)
    {
        var a = window[i].Request.Address;
        for (var j = 0; j < i; j++)
        {
            var b = window[j].Request.Address;
            if (a.Rank == b.Rank && a.BankGroup == b.BankGroup && a.Bank == b.Bank)
                return true;
        }

        return false;
    }

    private static DramCommand NextCommand(DramTimeline timeline, DramAddressRequest r)
    {
        var a = r.Address;
        var open = timeline.OpenRow(a.Channel, a.Rank, a.BankGroup, a.Bank);
        var kind = open == a.Row
            ? (r.IsWrite ? DramCommandKind.Write : DramCommandKind.Read)
            : open is null ? DramCommandKind.Activate : DramCommandKind.Precharge;
        return new DramCommand(kind, a.Channel, a.Rank, a.BankGroup, a.Bank, kind == DramCommandKind.Precharge ? open!.Value : a.Row, a.Column);
    }

    private static int? DueRank(long[] refreshDue, long cycle)
    {
        for (var r = 0; r < refreshDue.Length; r++)
        {
            if (refreshDue[r] <= cycle)
                return r;
        }

        return null;
    }

    /// <summary>All-bank refresh: precharge the rank's open banks, then REF (the timeline enforces tRP and tRFC); returns the REF's cycle.</summary>
    private static long RefreshRank(DramTimeline timeline, int channel, int rank)
    {
        var spec = timeline.Spec;
        for (var g = 0; g < spec.BankGroups; g++)
        {
            for (var b = 0; b < spec.BanksPerGroup; b++)
            {
                if (timeline.OpenRow(channel, rank, g, b) is { } row)
                    timeline.Issue(new DramCommand(DramCommandKind.Precharge, channel, rank, g, b, row, 0), 0);
            }
        }

        return timeline.Issue(new DramCommand(DramCommandKind.Refresh, channel, rank, 0, 0, 0, 0), 0);
    }

    private readonly record struct DramAddressRequest(DramAddress Address, bool IsWrite);

    private sealed class Pending(DramAddressRequest request)
    {
        public DramAddressRequest Request { get; } = request;

        public bool Started { get; set; }
    }

    private sealed class Counters
    {
        public long Hits { get; set; }

        public long Misses { get; set; }

        public long Conflicts { get; set; }

        public long Activates { get; set; }

        public long Refreshes { get; set; }
    }
}
