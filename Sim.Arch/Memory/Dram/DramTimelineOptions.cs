namespace Sim.Arch.Memory.Dram;

/// <summary>
/// Conventions of <see cref="DramTimeline"/> where the sources differ.
/// </summary>
/// <param name="PimFawPerChannel">
/// True (default, the NeuPIMs estimator <c>EstimatePIMOperationLatency</c>): PIM activates share one tFAW power window per
/// channel ("2 G_ACT per tFAW" across both ranks). False: only the JEDEC per-rank window applies to them.
/// </param>
public sealed record DramTimelineOptions(bool PimFawPerChannel)
{
    public static DramTimelineOptions Default { get; } = new(PimFawPerChannel: true);
}
