namespace Sim.Arch.Pim;

/// <summary>
/// One channel's GEMV time (memory cycles) and where it goes. In <see cref="PimTileOverlap.None"/> mode
/// Cycles = GlobalWriteCycles + PrechargeCycles + ActivateCycles + ComputeCycles + ReadoutCycles; with overlap,
/// <see cref="HiddenCycles"/> of those run behind COMPs and are subtracted.
/// </summary>
/// <param name="StreamingCycles">COMPs × CompCycles without the pipeline-fill minimum: the time the banks stream data.</param>
public sealed record PimChannelTime(
    long Cycles,
    long GlobalWriteCycles,
    long PrechargeCycles,
    long ActivateCycles,
    long ComputeCycles,
    long ReadoutCycles,
    long HiddenCycles,
    long StreamingCycles)
{
    public static PimChannelTime Zero { get; } = new(0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>η = streaming time / total (NeuPIMs GPT3-7B tile: 64/174 ≈ 0.37); 0 for an idle channel.</summary>
    public double StreamingFraction => Cycles == 0 ? 0 : (double)StreamingCycles / Cycles;
}

/// <summary>A GEMV's time: the slowest channel (§A.6 eq. 4), with every channel's breakdown.</summary>
public sealed record PimGemvTime(IReadOnlyList<PimChannelTime> Channels, PimTileOverlap Overlap)
{
    public long Cycles => Channels.Max(c => c.Cycles);

    /// <summary>Index of the channel that sets <see cref="Cycles"/> (the first such).</summary>
    public int CriticalChannel => Channels.Select((c, i) => (c.Cycles, i)).MaxBy(t => t.Cycles).i;
}
