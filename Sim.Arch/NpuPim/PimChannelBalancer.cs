namespace Sim.Arch.NpuPim;

/// <summary>How requests' KV caches are placed on PIM channels (all of a request's KV sits in one channel, §A.1.3).</summary>
public enum ChannelPolicy
{
    /// <summary>
    /// NeuPIMs allocate_pim_tile: each request goes to the channel with the least accumulated MHA cycles that still has
    /// room. NeuPIMs assigns online, in arrival order; for a batch known up front we take requests longest first (LPT),
    /// which keeps the max load within 4/3 of the optimum (Graham 1969). <see cref="GreedyArrivalOrder"/> is the online form.
    /// </summary>
    Greedy,

    /// <summary>Greedy least-loaded, in request order (online; within 2 − 1/channels of the optimum).</summary>
    GreedyArrivalOrder,

    /// <summary>Request i → channel i mod channels (NeuPIMs' rr traces).</summary>
    RoundRobin,
}

/// <summary>Where each request went and what each channel carries; <see cref="Reason"/> is set when some request did not fit.</summary>
public sealed record ChannelAssignment(IReadOnlyList<int> ChannelOfRequest, IReadOnlyList<long> LoadCycles, IReadOnlyList<long> UsedBytes, string? Reason)
{
    public bool Feasible => Reason is null;

    public int Channels => LoadCycles.Count;

    public long MaxLoadCycles => LoadCycles.Count == 0 ? 0 : LoadCycles.Max();

    /// <summary>The requests on <paramref name="channel"/>, in request order.</summary>
    public IReadOnlyList<int> RequestsOn(int channel) =>
        Enumerable.Range(0, ChannelOfRequest.Count).Where(i => ChannelOfRequest[i] == channel).ToArray();
}

/// <summary>Assigns requests (each with its PIM MHA cycles and KV bytes) to channels.</summary>
public static class PimChannelBalancer
{
    /// <param name="requestCycles">Each request's MHA cycles on a channel.</param>
    /// <param name="requestBytes">Each request's KV bytes on its channel (null: no capacity check).</param>
    /// <param name="channelCapacityBytes">KV bytes one channel can hold.</param>
    public static ChannelAssignment Assign(IReadOnlyList<long> requestCycles, int channels, ChannelPolicy policy,
        IReadOnlyList<long>? requestBytes = null, long channelCapacityBytes = long.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(requestCycles);
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        if (requestBytes is not null && requestBytes.Count != requestCycles.Count)
            throw new ArgumentException("one KV size per request", nameof(requestBytes));
        var n = requestCycles.Count;
        var channelOf = new int[n];
        var load = new long[channels];
        var used = new long[channels];
        long BytesOf(int i) => requestBytes?[i] ?? 0;

        IEnumerable<int> order = policy == ChannelPolicy.Greedy
            ? Enumerable.Range(0, n).OrderByDescending(i => requestCycles[i]).ThenBy(i => i)
            : Enumerable.Range(0, n);
        foreach (var i in order)
        {
            var bytes = BytesOf(i);
            var chosen = -1;
            if (policy == ChannelPolicy.RoundRobin)
            {
                chosen = i % channels;
                if (used[chosen] + bytes > channelCapacityBytes)
                    return Infeasible(i, bytes, chosen);
            }
            else
            {
                for (var c = 0; c < channels; c++)
                {
                    if (used[c] + bytes <= channelCapacityBytes && (chosen < 0 || load[c] < load[chosen]))
                        chosen = c;
                }

                if (chosen < 0)
                    return Infeasible(i, bytes, -1);
            }

            channelOf[i] = chosen;
            load[chosen] = checked(load[chosen] + requestCycles[i]);
            used[chosen] = checked(used[chosen] + bytes);
        }

        return new ChannelAssignment(channelOf, load, used, null);

        ChannelAssignment Infeasible(int request, long bytes, int channel) => new(channelOf, load, used,
            channel >= 0
                ? $"request {request} ({bytes} B of KV) does not fit channel {channel} ({used[channel]} of {channelCapacityBytes} B used)"
                : $"request {request} ({bytes} B of KV) fits no channel (capacity {channelCapacityBytes} B each)");
    }
}
