namespace Sim.Arch.Memory.Dram;

/// <summary>
/// Memory-controller settings. <paramref name="LookaheadRequests"/>: how many queued requests of a channel the
/// controller looks at; data moves strictly in request order (column commands in order), but a younger request may
/// precharge/activate its bank early when no older queued request uses that bank (1 = fully serial).
/// <paramref name="Refresh"/>: issue an all-bank REF per rank every tREFI.
/// <paramref name="ReorderData"/>: FR-FCFS-like — any request in the window whose bank no older queued request uses may
/// issue its column command, first-ready first (data leaves out of request order). Off by default.
/// <paramref name="RowCommandsWinTies"/>: when a younger request's PRE/ACT and a column command could issue in the same
/// cycle, the PRE/ACT goes first (else the oldest request). Off by default; on for the sustained-bandwidth stream, where
/// with BL/2 = 1 the column stream fills the one-command-a-cycle bus and would starve the next rows' activations until
/// it stalls.
/// </summary>
public sealed record DramControllerOptions(
    DramAddressMapping Mapping,
    int LookaheadRequests = 32,
    bool Refresh = true,
    bool ReorderData = false,
    bool RowCommandsWinTies = false)
{
    public static DramControllerOptions Default { get; } = new(DramAddressMapping.RoRaBgBaChCo);

    /// <summary>
    /// The sustained-bandwidth setting: the bank-group-interleaved mapping, a 64-request lookahead (enough to precharge
    /// and activate the next rows behind the stream: 64 · max(BL/2, tCCD_S) > tRP + tRCD on every preset) and row
    /// commands first on ties.
    /// </summary>
    public static DramControllerOptions Sequential { get; } = new(DramAddressMapping.RoRaBaChCoBg, LookaheadRequests: 64, RowCommandsWinTies: true);
}
