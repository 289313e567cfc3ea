namespace Sim.Core.Hardware;

/// <summary>
/// Closed form of a long sequential read stream's bandwidth on a <see cref="DramTimingSpec"/> with the NeuPIMs
/// <c>rorabgbachco</c> address mapping and an open-page, in-order controller that activates the next row ahead
/// (Sim.Arch's DramBandwidth measures the same stream on the command-level timeline; a test holds the two within 2%).
/// A row of one bank is read as BurstsPerRow back-to-back bursts to one bank group, so one burst per
/// max(BurstCycles, tCCD_L); the next row's ACT is hidden unless activations are the bottleneck (tRRD_L, tFAW/4).
/// Every tREFI the stream stops for the refresh: drain (tRTP + tRP to precharge), tRFC, restart (tRCD).
/// Assumes the controller looks far enough ahead to precharge and activate the next row in time
/// (lookahead · max(BurstCycles, tCCD_L) > tRP + tRCD; Sim.Arch's default lookahead of 32 bursts does for every preset).
/// </summary>
public static class DramStreamClosedForm
{
    /// <summary>Cycles one row of one bank takes on the channel in steady state.</summary>
    public static double RowCycles(DramTimingSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var t = spec.Timings;
        var columns = (double)spec.BurstsPerRow * Math.Max(spec.BurstCycles, t.TccdLCycles);
        return Math.Max(columns, Math.Max(t.TrrdLCycles, t.TfawCycles / 4.0));
    }

    /// <summary>Fraction of time the stream moves data: one refresh stall per tREFI.</summary>
    public static double RefreshEfficiency(DramTimingSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var t = spec.Timings;
        var stall = t.TrtpCycles + t.TrpCycles + t.TrfcCycles + t.TrcdCycles;
        return Math.Max(0, 1 - ((double)stall / t.TrefiCycles));
    }

    /// <summary>Device bytes per memory cycle of a long sequential read (all channels).</summary>
    public static double SequentialBytesPerCycle(DramTimingSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Channels * spec.RowBytes / RowCycles(spec) * RefreshEfficiency(spec);
    }
}
