using Sim.Core.Hardware;

namespace Sim.Arch.Memory.Dram;

/// <summary>
/// Effective streaming bandwidth of a device, measured by replaying a representative stream on one channel's timeline
/// (channels are independent and a uniform stream loads them equally, so the device rate is the channel rate × channels).
/// The stream is long enough to span <see cref="RefreshIntervals"/> refresh intervals, so refresh costs what it costs in
/// steady state. The closed form <see cref="DramStreamClosedForm"/> (Sim.Core, used by the YAML loader) is tested against it.
/// </summary>
public static class DramBandwidth
{
    /// <summary>Refresh intervals the measured window spans.</summary>
    public const int RefreshIntervals = 4;

    /// <summary>Fixed seed of the random stream: the same spec always measures the same number.</summary>
    public const int RandomSeed = 20240404;

    /// <summary>Steady-state bytes per memory cycle of a long sequential read stream (address mapping rorabgbachco).</summary>
    public static double SequentialBytesPerCycle(DramTimingSpec spec, DramControllerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var one = spec with { Channels = 1 };
        var bursts = BurstsInWindow(one);
        var result = DramRequestSimulator.Run(one, Enumerable.Range(0, bursts).Select(i => new DramRequest((long)i * spec.BurstBytes, false)), options);
        return result.BytesPerCycle * spec.Channels;
    }

    /// <summary>Memory cycles to read <paramref name="bytes"/> sequentially: first-access latency + bytes at the steady rate.</summary>
    public static long SequentialCycles(DramTimingSpec spec, long bytes, DramControllerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        if (bytes == 0)
            return 0;
        var latency = spec.Timings.TrcdCycles + spec.Timings.ClCycles;
        return latency + (long)Math.Ceiling(bytes / SequentialBytesPerCycle(spec, options));
    }

    /// <summary>
    /// Steady-state bytes per memory cycle of reads of <paramref name="requestBytes"/> (a multiple of the burst, at most a
    /// row) at uniformly random aligned addresses among <paramref name="rowsPerBank"/> rows per bank: row-miss dominated.
    /// </summary>
    public static double RandomBytesPerCycle(DramTimingSpec spec, int requestBytes = 64, int rowsPerBank = 16384, DramControllerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var burst = spec.BurstBytes;
        if (requestBytes < burst || requestBytes % burst != 0 || requestBytes > spec.RowBytes)
            throw new ArgumentOutOfRangeException(nameof(requestBytes), $"{requestBytes} B must be a multiple of the {burst} B burst and at most the {spec.RowBytes} B row");
        var one = spec with { Channels = 1 };
        var burstsPerRequest = requestBytes / burst;
        var requestsPerRowSpace = (long)rowsPerBank * one.BanksPerChannel * one.RowBytes / requestBytes;
        var random = new Random(RandomSeed);
        var requests = new List<DramRequest>();
        var bursts = BurstsInWindow(one);
        while (requests.Count < bursts)
        {
            var start = random.NextInt64(requestsPerRowSpace) * requestBytes;
            for (var b = 0; b < burstsPerRequest; b++)
                requests.Add(new DramRequest(start + ((long)b * burst), false));
        }

        return DramRequestSimulator.Run(one, requests, options).BytesPerCycle * spec.Channels;
    }

    /// <summary>Bursts one channel moves at peak rate in <see cref="RefreshIntervals"/> refresh intervals.</summary>
    private static int BurstsInWindow(DramTimingSpec oneChannel) =>
        (int)Math.Ceiling(RefreshIntervals * oneChannel.Timings.TrefiCycles * oneChannel.PeakBytesPerCyclePerChannel / oneChannel.BurstBytes);
}
