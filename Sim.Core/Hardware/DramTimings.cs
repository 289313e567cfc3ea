namespace Sim.Core.Hardware;

/// <summary>
/// JEDEC-style DRAM timing constraints, every one in memory-clock cycles (tCK). Names follow the datasheets:
/// tRCD (ACT→column command), tRP (PRE→ACT), tRAS (ACT→PRE), tRC = tRAS + tRP (ACT→ACT, same bank), tFAW (at most four
/// ACTs per rank in any window of this length), tRRD_S/L (ACT→ACT in a different / the same bank group),
/// tCCD_S/L (column→column in a different / the same bank group), tRFC (refresh busy time) every tREFI,
/// tWR (write recovery before PRE), tRTP (read→PRE), tWTR_S/L (write→read turnaround), CL/CWL (read/write latency).
/// </summary>
public sealed record DramTimings(
    int ClCycles,
    int CwlCycles,
    int TrcdCycles,
    int TrpCycles,
    int TrasCycles,
    int TfawCycles,
    int TrrdSCycles,
    int TrrdLCycles,
    int TccdSCycles,
    int TccdLCycles,
    int TrfcCycles,
    int TrefiCycles,
    int TwrCycles,
    int TrtpCycles,
    int TwtrSCycles,
    int TwtrLCycles)
{
    /// <summary>
    /// tCCD_R: column→column on one channel when the rank changes (rank-to-rank switch, DRAMsim3 tCCDR / JEDEC tRTRS),
    /// or null for BL/2 (<see cref="DramTimingSpec.TccdRCycles"/>). Optional so the positional constructor is unchanged.
    /// </summary>
    public int? TccdRCycles { get; init; }

    /// <summary>ACT→ACT in the same bank: the row must be restored (tRAS) and precharged (tRP).</summary>
    public int TrcCycles => TrasCycles + TrpCycles;
}
