using System.Collections.Concurrent;
using Sim.Core.Hardware;

namespace Sim.Arch.Memory.Dram;

/// <summary>
/// A streamed transfer: <see cref="Cycles"/> memory cycles for <see cref="Bytes"/>, at a steady <see cref="BytesPerCycle"/>
/// after a first-access latency of <see cref="LatencyCycles"/>.
/// </summary>
public sealed record DramStreamEstimate(long Bytes, long Cycles, double BytesPerCycle, long LatencyCycles);

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

    private static readonly ConcurrentDictionary<(string Kind, DramTimingSpec Spec, int RequestBytes, int RowsPerBank, DramControllerOptions Options), double> Measured = new();

    /// <summary>Reading <paramref name="bytes"/> sequentially: tRCD + CL, then the steady sequential rate.</summary>
    public static DramStreamEstimate Sequential(DramTimingSpec spec, long bytes, DramControllerOptions? options = null) =>
        Estimate(spec, bytes, SequentialBytesPerCycle(spec, options), spec.Timings.TrcdCycles + spec.Timings.ClCycles);

    /// <summary>
    /// Reading <paramref name="bytes"/> as random <paramref name="requestBytes"/> requests: tRP + tRCD + CL (a row conflict),
    /// then the steady random rate.
    /// </summary>
    public static DramStreamEstimate Random(DramTimingSpec spec, long bytes, int requestBytes = 64, DramControllerOptions? options = null) =>
        Estimate(spec, bytes, RandomBytesPerCycle(spec, requestBytes, options: options),
            spec.Timings.TrpCycles + spec.Timings.TrcdCycles + spec.Timings.ClCycles);

    /// <summary>
    /// Steady-state bytes per memory cycle of a long sequential read stream with <paramref name="options"/>; by default the
    /// better of the two row-major mappings: <see cref="DramControllerOptions.Default"/> (rorabgbachco, a row from one bank
    /// group: tCCD_L-bound) and <see cref="DramControllerOptions.Sequential"/> (rorabachcobg, bursts rotating over the bank
    /// groups: tCCD_S-bound), as <see cref="DramStreamClosedForm"/> assumes.
    /// </summary>
    public static double SequentialBytesPerCycle(DramTimingSpec spec, DramControllerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (options is null)
            return Math.Max(SequentialBytesPerCycle(spec, DramControllerOptions.Default), SequentialBytesPerCycle(spec, DramControllerOptions.Sequential));
        return Measured.GetOrAdd(("sequential", spec, 0, 0, options), key => MeasureSequential(key.Spec, key.Options));
    }

    private static double MeasureSequential(DramTimingSpec spec, DramControllerOptions options)
    {
        var one = spec with { Channels = 1 };
        var bursts = BurstsInWindow(one);
        var result = DramRequestSimulator.Run(one, Enumerable.Range(0, bursts).Select(i => new DramRequest((long)i * spec.BurstBytes, false)), options);
        return result.BytesPerCycle * spec.Channels;
    }

    /// <summary>Memory cycles to read <paramref name="bytes"/> sequentially: first-access latency + bytes at the steady rate.</summary>
    public static long SequentialCycles(DramTimingSpec spec, long bytes, DramControllerOptions? options = null) =>
        Sequential(spec, bytes, options).Cycles;

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
        options ??= DramControllerOptions.Default;
        return Measured.GetOrAdd(("random", spec, requestBytes, rowsPerBank, options), key => MeasureRandom(key.Spec, key.RequestBytes, key.RowsPerBank, key.Options));
    }

    private static double MeasureRandom(DramTimingSpec spec, int requestBytes, int rowsPerBank, DramControllerOptions options)
    {
        var burst = spec.BurstBytes;
        var one = spec with { Channels = 1 };
        var burstsPerRequest = requestBytes / burst;
        var requestsPerRowSpace = (long)rowsPerBank * one.BanksPerChannel * one.RowBytes / requestBytes;
        var random = new System.Random(RandomSeed);
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

    private static DramStreamEstimate Estimate(DramTimingSpec spec, long bytes, double bytesPerCycle, long latency)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        var cycles = bytes == 0 ? 0 : latency + (long)Math.Ceiling(bytes / bytesPerCycle);
        return new DramStreamEstimate(bytes, cycles, bytesPerCycle, latency);
    }

    /// <summary>Bursts one channel moves at peak rate in <see cref="RefreshIntervals"/> refresh intervals.</summary>
    private static int BurstsInWindow(DramTimingSpec oneChannel) =>
        (int)Math.Ceiling(RefreshIntervals * oneChannel.Timings.TrefiCycles * oneChannel.PeakBytesPerCyclePerChannel / oneChannel.BurstBytes);
}
