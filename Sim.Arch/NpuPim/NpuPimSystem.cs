using Sim.Core.Hardware;

namespace Sim.Arch.NpuPim;

/// <summary>
/// One NPU+PIM device: an NPU beside a PIM-enabled DRAM whose every channel is a PIM channel.
/// <see cref="NpuDramBytesPerCycle"/> is the NPU's DRAM bandwidth in bytes per NPU cycle; <see cref="Create"/> takes the
/// device's peak (<see cref="DramTimingSpec.PeakBytesPerCycle"/> scaled to the NPU clock) until the DRAM timing model's
/// sustained bandwidth is wired in. <see cref="DeviceCapacityBytes"/> bounds weights + KV cache.
/// </summary>
public sealed record NpuPimSystem(NpuSpec Npu, PimSpec Pim, DramTimingSpec Dram, double NpuDramBytesPerCycle, long DeviceCapacityBytes)
{
    /// <summary>NeuPIMs' device capacity: HBM_size 32 GB, 1 GB per channel (neupims.json, §A.1.2).</summary>
    public const long NeuPimsCapacityBytes = 32L << 30;

    /// <summary>NeuPIMs: its NPU, its dual-row-buffer PIM and HBM2 (1.024 TB/s peak = 1024 B per 1 GHz NPU cycle), 32 GB.</summary>
    public static NpuPimSystem NeuPims { get; } = Create(NpuSpec.NeuPims, PimPresets.NeuPims, DramPresets.NeuPimsHbm2, NeuPimsCapacityBytes);

    public static NpuPimSystem Create(NpuSpec npu, PimSpec pim, DramTimingSpec dram, long capacityBytes)
    {
        ArgumentNullException.ThrowIfNull(npu);
        ArgumentNullException.ThrowIfNull(dram);
        return new(npu, pim, dram, dram.PeakBytesPerCycle * dram.ClockGhz / npu.ClockGhz, capacityBytes);
    }

    public int PimChannels => Dram.Channels;

    public long ChannelCapacityBytes => DeviceCapacityBytes / PimChannels;

    /// <summary>Memory-clock cycles → NPU cycles (rounded up).</summary>
    public long MemoryToNpuCycles(long memoryCycles) => (long)Math.Ceiling(memoryCycles * Npu.ClockGhz / Dram.ClockGhz);
}
