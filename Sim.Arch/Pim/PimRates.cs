using Sim.Core.Hardware;

namespace Sim.Arch.Pim;

/// <summary>
/// Peak rates of a PIM device (§A.1.2 "Derived bandwidths", §A.5): what the banks can stream into their PUs versus
/// what the channel bus can deliver to a host.
/// </summary>
public static class PimRates
{
    /// <summary>Bytes per cycle all PUs of one channel read from their rows: PUs · LanesPerUnit · ElementBytes / CompCycles.</summary>
    public static double InternalBytesPerCyclePerChannel(PimSpec pim, DramTimingSpec dram)
    {
        ArgumentNullException.ThrowIfNull(pim);
        return (double)pim.UnitsPerChannel(dram) * pim.BytesPerComp / pim.CompCycles;
    }

    /// <summary>The channel bus's peak (one burst per max(BL/2, tCCD_S)).</summary>
    public static double ExternalBytesPerCyclePerChannel(DramTimingSpec dram)
    {
        ArgumentNullException.ThrowIfNull(dram);
        return dram.PeakBytesPerCyclePerChannel;
    }

    public static double InternalOverExternal(PimSpec pim, DramTimingSpec dram) =>
        InternalBytesPerCyclePerChannel(pim, dram) / ExternalBytesPerCyclePerChannel(dram);

    /// <summary>MACs per cycle per PU: LanesPerUnit / CompCycles (per ns at a 1 GHz memory clock).</summary>
    public static double MacsPerCyclePerUnit(PimSpec pim)
    {
        ArgumentNullException.ThrowIfNull(pim);
        return (double)pim.LanesPerUnit / pim.CompCycles;
    }

    /// <summary>MACs per cycle of the whole device (every channel).</summary>
    public static double MacsPerCycle(PimSpec pim, DramTimingSpec dram)
    {
        ArgumentNullException.ThrowIfNull(pim);
        ArgumentNullException.ThrowIfNull(dram);
        return pim.MacsPerCyclePerChannel(dram) * dram.Channels;
    }

    /// <summary>Peak TFLOPS (2 FLOPs per MAC) at the memory clock.</summary>
    public static double PeakTflops(PimSpec pim, DramTimingSpec dram) => MacsPerCycle(pim, dram) * 2 * dram.ClockGhz / 1000;
}
