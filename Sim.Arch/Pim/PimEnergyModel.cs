using Sim.Core.Hardware;

namespace Sim.Arch.Pim;

/// <summary>
/// NewtonSim's energy model (configuration.cc::InitPowerParams; research notes §A.1.5). Energies are V·mA·cycles, i.e. pJ
/// at tCK = 1 ns (scaled by 1/ClockGhz otherwise):
/// act = VDD·(IDD0·tRC − (IDD3N·tRAS + IDD2N·tRP))·devices; read = VDD·(IDD4R − IDD3N)·BL/2·devices;
/// PIM activate = act per bank it opens (G_ACT = 4·act); COMP = 4·read ("newton paper said 4x power");
/// READRES = (16·banks·devices / burst bits)·read; GWRITE = read per burst of the loaded bytes (16·read for a 1 KB row);
/// background = VDD·IDD3N·devices per busy channel-cycle.
/// AttAcc's per-byte table (scale-snu/attacc_simulator src/config.py) is kept beside it as a cross-check.
/// </summary>
public sealed class PimEnergyModel
{
    /// <summary>AttAcc: bank-level PIM data, cell ACT/PRE + cell RD/WR = (0.11 + 0.44)·8 pJ/B.</summary>
    public const double AttAccBankPjPerByte = (0.11 + 0.44) * 8;

    /// <summary>AttAcc: the same byte moved to a GPU over HBM, (0.11 + 0.44 + 1.01 + 1.23 + 0.5 + 0.3)·8 pJ/B.</summary>
    public const double AttAccHostPjPerByte = (0.11 + 0.44 + 1.01 + 1.23 + 0.5 + 0.3) * 8;

    public PimEnergyModel(PimSpec pim, DramTimingSpec dram, PimIddSpec idd)
    {
        ArgumentNullException.ThrowIfNull(pim);
        ArgumentNullException.ThrowIfNull(dram);
        ArgumentNullException.ThrowIfNull(idd);
        var t = dram.Timings;
        var pjPerMaCycle = idd.VddVolts * idd.DevicesPerRank / dram.ClockGhz;
        ActPj = pjPerMaCycle * ((idd.Idd0Ma * t.TrcCycles) - ((idd.Idd3nMa * t.TrasCycles) + (idd.Idd2nMa * t.TrpCycles)));
        ReadPj = pjPerMaCycle * (idd.Idd4rMa - idd.Idd3nMa) * dram.BurstCycles;
        PimActivatePj = ActPj * pim.ActBanksPerCommand;
        ComputePj = 4 * ReadPj;
        ReadResultPj = 16.0 * dram.BanksPerChannel / (dram.BurstBytes * 8) * ReadPj;
        BackgroundPjPerCycle = pjPerMaCycle * idd.Idd3nMa;
        BurstBytes = dram.BurstBytes;
    }

    public double ActPj { get; }

    public double ReadPj { get; }

    public double PimActivatePj { get; }

    public double ComputePj { get; }

    public double ReadResultPj { get; }

    public double BackgroundPjPerCycle { get; }

    private int BurstBytes { get; }

    /// <summary>GWRITE of <paramref name="bytes"/>: one read burst's energy per burst loaded.</summary>
    public double GlobalWritePj(long bytes) => PimGemvLayout.DivCeil(bytes, BurstBytes) * ReadPj;

    /// <summary>Energy of the GEMV laid out as <paramref name="layout"/>, background over each channel's busy time.</summary>
    public PimGemvEnergy Of(PimGemvLayout layout, PimGemvTime time)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(time);
        var total = layout.Total;
        var busyChannels = Enumerable.Range(0, layout.RowsPerChannel.Count).Count(c => layout.RowsPerChannel[c] > 0);
        return new PimGemvEnergy(
            total.Activates * PimActivatePj,
            total.Comps * ComputePj,
            total.ReadResults * ReadResultPj,
            busyChannels * layout.Chunks.Sum(c => GlobalWritePj(c.BufferBytes)),
            time.Channels.Sum(c => c.Cycles) * BackgroundPjPerCycle);
    }
}
