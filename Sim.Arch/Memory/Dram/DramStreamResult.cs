namespace Sim.Arch.Memory.Dram;

/// <summary>What a request stream cost. Cycles are memory-clock cycles from 0 to the last data beat.</summary>
public sealed record DramStreamResult(
    long TotalCycles,
    long Bytes,
    long Requests,
    long RowHits,
    long RowMisses,
    long RowConflicts,
    long Activates,
    long Refreshes,
    IReadOnlyList<long> ChannelDataBusBusyCycles,
    IReadOnlyList<long> ChannelEndCycles)
{
    public double BytesPerCycle => TotalCycles == 0 ? 0 : (double)Bytes / TotalCycles;
}
