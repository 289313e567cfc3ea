using Sim.Arch.Memory.Dram;
using Sim.Core.Hardware;

namespace Sim.Arch.NpuPim;

/// <summary>
/// One NPU+PIM device: an NPU beside a PIM-enabled DRAM whose every channel is a PIM channel.
/// <see cref="NpuDramBytesPerCycle"/> is the NPU's DRAM bandwidth in bytes per NPU cycle; <see cref="Create"/> takes the
/// sustained rate of a long sequential stream on the command-level DRAM model (<see cref="DramBandwidth.SequentialBytesPerCycle"/>:
/// row misses, tFAW and refresh included; 944 of NeuPIMs' 1024 B/cycle peak) scaled to the NPU clock — the NPU streams
/// weights and KV caches, both laid out sequentially; <see cref="CreateAtPeak"/> keeps the bus peak instead.
/// <see cref="DeviceCapacityBytes"/> bounds weights + KV cache.
/// </summary>
public sealed record NpuPimSystem(NpuSpec Npu, PimSpec Pim, DramTimingSpec Dram, double NpuDramBytesPerCycle, long DeviceCapacityBytes)
{
    /// <summary>NeuPIMs' device capacity: HBM_size 32 GB, 1 GB per channel (neupims.json, §A.1.2).</summary>
    public const long NeuPimsCapacityBytes = 32L << 30;

    /// <summary>NeuPIMs: its NPU, its dual-row-buffer PIM and HBM2 (1.024 TB/s peak, ~944 B per 1 GHz NPU cycle sustained), 32 GB.</summary>
    public static NpuPimSystem NeuPims { get; } = Create(NpuSpec.NeuPims, PimPresets.NeuPims, DramPresets.NeuPimsHbm2, NeuPimsCapacityBytes);

    /// <summary>The NPU streams at the DRAM model's sustained sequential rate.</summary>
    public static NpuPimSystem Create(NpuSpec npu, PimSpec pim, DramTimingSpec dram, long capacityBytes)
    {
        ArgumentNullException.ThrowIfNull(npu);
        ArgumentNullException.ThrowIfNull(dram);
        return new(npu, pim, dram, DramBandwidth.SequentialBytesPerCycle(dram) * dram.ClockGhz / npu.ClockGhz, capacityBytes);
    }

    /// <summary>The NPU streams at the bus peak (<see cref="DramTimingSpec.PeakBytesPerCycle"/>): no row misses, no refresh.</summary>
    public static NpuPimSystem CreateAtPeak(NpuSpec npu, PimSpec pim, DramTimingSpec dram, long capacityBytes)
    {
        ArgumentNullException.ThrowIfNull(npu);
        ArgumentNullException.ThrowIfNull(dram);
        return new(npu, pim, dram, dram.PeakBytesPerCycle * dram.ClockGhz / npu.ClockGhz, capacityBytes);
    }

    public int PimChannels => Dram.Channels;

    /// <summary>Memory-clock cycles → NPU cycles (rounded up).</summary>
    public long MemoryToNpuCycles(long memoryCycles) => (long)Math.Ceiling(memoryCycles * Npu.ClockGhz / Dram.ClockGhz);
}
