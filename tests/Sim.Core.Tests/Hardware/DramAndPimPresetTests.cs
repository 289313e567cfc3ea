using Sim.Core.Hardware;
using Xunit;

namespace Sim.Core.Tests.Hardware;

/// <summary>Derived figures of the presets against the research notes' arithmetic (pim-sparse-attn.md §A.1.2, §A.2, §A.5).</summary>
public class DramAndPimPresetTests
{
    [Fact]
    public void NeuPimsHbm2_has_32_banks_per_channel_and_1_TB_per_s()
    {
        var d = DramPresets.NeuPimsHbm2;
        Assert.Equal(32, d.BanksPerChannel); // 2 ranks × 4 groups × 4 banks
        Assert.Equal(16, d.BurstsPerRow); // 1024 B / 64 B
        Assert.Equal(32.0, d.PeakBytesPerCyclePerChannel); // 64 B per max(BL/2 = 2, tCCD_S = 1)
        Assert.Equal(1024.0, d.PeakGBytesPerSecond); // 32 channels × 32 GB/s
        Assert.Equal(48, d.Timings.TrcCycles); // tRAS 34 + tRP 14
    }

    [Fact]
    public void SamsungHbmPim_external_bandwidth_is_256_GB_per_s_at_the_simulators_2_Gbps_pins()
    {
        // 16 pseudo-channels × 64 bit × 2 Gb/s / 8 = 256 GB/s; one 32 B burst per 2 cycles per channel.
        Assert.Equal(256.0, DramPresets.SamsungHbmPim.PeakGBytesPerSecond);
    }

    [Fact]
    public void NeuPims_pim_does_256_MACs_per_cycle_per_channel_16x_the_bus()
    {
        var (pim, dram) = PimPresets.Find("neupims")!.Value;
        Assert.Equal(256.0, pim.MacsPerCyclePerChannel(dram)); // 32 banks × 16 lanes / 2 cycles
        var internalBytesPerCycle = pim.UnitsPerChannel(dram) * pim.BytesPerComp / (double)pim.CompCycles; // 32 × 32 B / 2
        Assert.Equal(16.0, internalBytesPerCycle / dram.PeakBytesPerCyclePerChannel);
        // 8192 MAC/cycle device-wide = 16.4 TFLOPS FP16 at 1 GHz.
        Assert.Equal(16.384, pim.MacsPerCyclePerChannel(dram) * dram.Channels * 2 * dram.ClockGhz / 1000, 9);
    }

    [Fact]
    public void Samsung_pcu_per_bank_pair_gives_4x_internal_bandwidth_per_channel()
    {
        var (pim, dram) = PimPresets.Find("samsung-hbm-pim")!.Value;
        Assert.Equal(8, pim.UnitsPerChannel(dram)); // 16 banks / 2
        var internalBytesPerCycle = pim.UnitsPerChannel(dram) * pim.BytesPerComp / (double)pim.CompCycles; // 8 × 32 B / 4
        Assert.Equal(4.0, internalBytesPerCycle / dram.PeakBytesPerCyclePerChannel);
    }

    [Fact]
    public void Aim_chip_reaches_about_1_TFLOPS()
    {
        var (pim, dram) = PimPresets.Find("aim")!.Value;
        // 16 banks × 32 B per cycle inside vs one 32 B burst per cycle on the bus: 16×, as SK hynix claims.
        Assert.Equal(32.0, dram.PeakBytesPerCyclePerChannel);
        Assert.Equal(16.0, pim.UnitsPerChannel(dram) * pim.BytesPerComp / (double)pim.CompCycles / dram.PeakBytesPerCyclePerChannel);
        // 2 channels × 16 PUs × 16 lanes per cycle × 2 FLOP × 1 GHz = 1.024 TFLOPS.
        Assert.Equal(1.024, pim.MacsPerCyclePerChannel(dram) * dram.Channels * 2 * dram.ClockGhz / 1000, 9);
    }

    [Fact]
    public void Newton_differs_from_NeuPims_only_in_the_row_buffer()
    {
        Assert.Equal(PimPresets.NeuPims with { Name = "newton", DualRowBuffer = false }, PimPresets.Newton);
        Assert.Null(PimPresets.Find("hbm3"));
        Assert.Null(DramPresets.Find("hbm3"));
    }
}
