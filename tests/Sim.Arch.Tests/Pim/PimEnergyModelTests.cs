using Sim.Arch.Pim;
using Sim.Core.Hardware;

namespace Sim.Arch.Tests.Pim;

/// <summary>NewtonSim's energy formulas with NeuPIMs' HBM2 IDD values, by hand (§A.1.5).</summary>
public class PimEnergyModelTests
{
    private static readonly PimEnergyModel Model = new(PimPresets.NeuPims, DramPresets.NeuPimsHbm2, PimIddSpec.NeuPimsHbm2);

    [Fact]
    public void Per_command_energies_follow_newtonsim()
    {
        Assert.Equal(1.2 * ((65 * 48) - ((55 * 34) + (40 * 14))), Model.ActPj, 9); // 828
        Assert.Equal(828, Model.ActPj, 9);
        Assert.Equal(1.2 * (390 - 55) * 2, Model.ReadPj, 9); // 804
        Assert.Equal(4 * 828, Model.PimActivatePj, 9);
        Assert.Equal(4 * 804, Model.ComputePj, 9);
        Assert.Equal(804, Model.ReadResultPj, 9); // 16·32 banks / 512-bit burst = 1 read
        Assert.Equal(16 * 804, Model.GlobalWritePj(1024), 9);
        Assert.Equal(66, Model.BackgroundPjPerCycle, 9);
    }

    [Fact]
    public void A_gpt3_qk_tile_gemv_sums_its_commands()
    {
        var layout = PimGemvLayout.Create(PimPresets.NeuPims, DramPresets.NeuPimsHbm2, new PimGemvShape(32, 1024, 128), 1);
        var time = PimGemvTiming.Estimate(layout);
        var energy = Model.Of(layout, time);
        Assert.Equal(16 * 3312, energy.ActivatePj, 6);
        Assert.Equal(64 * 3216, energy.ComputePj, 6);
        Assert.Equal(8 * 804, energy.ReadResultPj, 6);
        Assert.Equal(2 * 12864, energy.GlobalWritePj, 6);
        Assert.Equal(time.Cycles * 66.0, energy.BackgroundPj, 6);
        Assert.Equal(energy.DynamicPj + energy.BackgroundPj, energy.TotalPj, 6);
    }

    [Fact]
    public void Newtonsim_in_bank_energy_per_byte_is_near_attaccs_and_a_sixth_of_moving_it_to_a_host()
    {
        Assert.Equal(4.4, PimEnergyModel.AttAccBankPjPerByte, 9);
        Assert.Equal(28.72, PimEnergyModel.AttAccHostPjPerByte, 9);
        Assert.Equal(6.53, PimEnergyModel.AttAccHostPjPerByte / PimEnergyModel.AttAccBankPjPerByte, 2);
        // A full NeuPIMs tile: 8 G_ACTs + 32 COMPs read 32 banks × 1 KB: (8·3312 + 32·3216) / 32768 = 3.95 pJ/B.
        var perByte = ((8 * Model.PimActivatePj) + (32 * Model.ComputePj)) / (32 * 1024);
        Assert.Equal(3.949, perByte, 3);
        Assert.InRange(perByte / PimEnergyModel.AttAccBankPjPerByte, 0.85, 0.95);
    }
}
