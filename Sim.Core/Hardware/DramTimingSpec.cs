namespace Sim.Core.Hardware;

/// <summary>
/// A DRAM device's organisation and timing, the input of the command-level timing model (Sim.Arch/Memory) and of PIM.
/// One column access (a burst) moves <see cref="BurstBytes"/> on a channel's data bus and occupies it
/// <see cref="BurstCycles"/> cycles (BL/2 on a DDR bus). Presets and their sources: <see cref="DramPresets"/>.
/// </summary>
/// <param name="Name">Preset or user name, reported in outputs.</param>
/// <param name="Channels">Independent channels (pseudo-channels for HBM in pseudo-channel mode), each with its own bus.</param>
/// <param name="Ranks">Ranks per channel; tFAW is per rank.</param>
/// <param name="BankGroups">Bank groups per rank; tCCD_L/tRRD_L apply within a group, _S across groups.</param>
/// <param name="BanksPerGroup">Banks per bank group.</param>
/// <param name="RowBytes">Row (page) size of one bank: the bytes one ACT opens into the row buffer.</param>
/// <param name="BurstBytes">Bytes one column command moves on the channel bus (bus width × burst length / 8).</param>
/// <param name="BurstCycles">Cycles one burst occupies the data bus (BL/2 on a DDR bus).</param>
/// <param name="ClockGhz">Memory clock (1/tCK); converts cycles to time and to the host clock.</param>
/// <param name="Timings">The timing constraints, in cycles of this clock.</param>
public sealed record DramTimingSpec(
    string Name,
    int Channels,
    int Ranks,
    int BankGroups,
    int BanksPerGroup,
    int RowBytes,
    int BurstBytes,
    int BurstCycles,
    double ClockGhz,
    DramTimings Timings)
{
    public int BanksPerRank => BankGroups * BanksPerGroup;

    public int BanksPerChannel => Ranks * BanksPerRank;

    /// <summary>Column accesses that fill one row.</summary>
    public int BurstsPerRow => RowBytes / BurstBytes;

    /// <summary>Column→column spacing across ranks of one channel: <see cref="DramTimings.TccdRCycles"/>, by default BL/2.</summary>
    public int TccdRCycles => Timings.TccdRCycles ?? BurstCycles;

    /// <summary>
    /// Peak data-bus rate of one channel: one burst per max(BL/2, tCCD_S) — back-to-back bursts to different bank
    /// groups — or, with several ranks, per max(BL/2, tCCD_R) if alternating ranks is faster. Refresh and row misses only
    /// lower it.
    /// </summary>
    public double PeakBytesPerCyclePerChannel =>
        (double)BurstBytes / Math.Max(BurstCycles, Ranks > 1 ? Math.Min(Timings.TccdSCycles, TccdRCycles) : Timings.TccdSCycles);

    public double PeakBytesPerCycle => PeakBytesPerCyclePerChannel * Channels;

    public double PeakGBytesPerSecond => PeakBytesPerCycle * ClockGhz;
}
