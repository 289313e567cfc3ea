namespace Sim.Core.Hardware;

/// <summary>
/// Closed form of a long sequential read stream's bandwidth on a <see cref="DramTimingSpec"/> with the bank-group-interleaved
/// <c>rorabachcobg</c> address mapping (row | rank | bank | channel | column | bank group: consecutive bursts rotate over the
/// bank groups, each group reading its own bank's row) and an open-page, in-order controller that activates the next rows
/// ahead. Sim.Arch's DramBandwidth measures the same stream on the command-level timeline; a test holds the two within 2%.
/// This mapping is the best supported one for a sequential stream: rorabgbachco reads a row from one bank group
/// (tCCD_L-bound, half the pins where tCCD_L = 2·BL/2) and burst interleaving opens every bank at once (tFAW storms).
/// With one bank group the two row-major mappings coincide.
/// Per burst: max(BL/2, tCCD_S, tCCD_L / BankGroups) (tCCD_L alone with one group); per row (one ACT): BurstsPerRow bursts,
/// or the activation limits tRRD_S (tRRD_L with one group), tRRD_L / BankGroups, tFAW/4, or the bank's own cycle
/// (tRCD + its bursts + tRTP + tRP) shared by the channel's banks — this binds only with very few banks.
/// Every tREFI the stream stops for the refresh: drain (tRTP + tRP to precharge), tRFC, restart (tRCD).
/// Assumes the controller looks far enough ahead to precharge and activate the next rows in time
/// (Sim.Arch's default lookahead of 32 bursts does for every preset).
/// </summary>
public static class DramStreamClosedForm
{
    /// <summary>Cycles one row of one bank takes on the channel in steady state: the better of the two row-major mappings.</summary>
    public static double RowCycles(DramTimingSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return Math.Min(RowCycles(spec, spec.BankGroups), RowCycles(spec, 1));
    }

    /// <summary>
    /// Row cycles when consecutive bursts rotate over <paramref name="groups"/> bank groups (rorabachcobg: all of them;
    /// rorabgbachco: 1, a row at a time from one group).
    /// </summary>
    public static double RowCycles(DramTimingSpec spec, int groups)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentOutOfRangeException.ThrowIfLessThan(groups, 1);
        var t = spec.Timings;
        var burst = Math.Max(spec.BurstCycles, groups > 1 ? Math.Max(t.TccdSCycles, (double)t.TccdLCycles / groups) : t.TccdLCycles);
        // One command a cycle: a row's bursts plus its ACT and PRE need that many command-bus slots.
        var columns = Math.Max(spec.BurstsPerRow * burst, spec.BurstsPerRow + 2.0);
        var activate = Math.Max(groups > 1 ? t.TrrdSCycles : t.TrrdLCycles, Math.Max((double)t.TrrdLCycles / groups, t.TfawCycles / 4.0));
        // A bank's row is read interleaved with the other groups' rows, so its bursts span groups · columns; then it is
        // precharged and reopened while the channel's other banks stream (binds only with very few banks).
        var bankCycle = Math.Max(t.TrcCycles, t.TrcdCycles + (groups * columns) - burst + t.TrtpCycles + t.TrpCycles);
        return Math.Max(Math.Max(columns, activate), bankCycle / spec.BanksPerChannel);
    }

    /// <summary>Cycles one refresh costs the stream: drain (tRTP + tRP), tRFC, restart (tRCD).</summary>
    public static long RefreshStallCycles(DramTimings t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return (long)t.TrtpCycles + t.TrpCycles + t.TrfcCycles + t.TrcdCycles;
    }

    /// <summary>Fraction of time the stream moves data: one refresh stall per tREFI.</summary>
    public static double RefreshEfficiency(DramTimingSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return Math.Max(0, 1 - ((double)RefreshStallCycles(spec.Timings) / spec.Timings.TrefiCycles));
    }

    /// <summary>Device bytes per memory cycle of a long sequential read (all channels).</summary>
    public static double SequentialBytesPerCycle(DramTimingSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return (double)spec.Channels * spec.RowBytes / RowCycles(spec) * RefreshEfficiency(spec);
    }
}
