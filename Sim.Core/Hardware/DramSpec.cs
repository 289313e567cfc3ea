namespace Sim.Core.Hardware;

/// <summary>Off-chip memory: a bandwidth shared by reads and writes, and a fixed access latency.</summary>
public sealed record DramSpec(double BandwidthBytesPerCycle, long LatencyCycles)
{
    /// <summary>SCALE-Sim's "CALC" interface: bandwidth is whatever the schedule needs, so DRAM never stalls the array.</summary>
    public static DramSpec Unlimited { get; } = new(double.PositiveInfinity, 0);

    public bool IsUnlimited => double.IsPositiveInfinity(BandwidthBytesPerCycle);
}
