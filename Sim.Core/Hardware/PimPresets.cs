namespace Sim.Core.Hardware;

/// <summary>
/// PIM designs with their sources (../shared/research/pim-sparse-attn.md §A.1.3, §A.2, §A.3, §A.5), each paired with its
/// DRAM preset (<see cref="DramPresets"/>).
/// </summary>
public static class PimPresets
{
    /// <summary>
    /// NeuPIMs (NewtonSim inside NeuPIMs): 16 FP16 multipliers per bank, COMP every max(BL/2, tCCD_S) = 2 cycles, G_ACT of a
    /// 4-bank group with two per tFAW, pipeline fill 6 COMPs, READRES every max(BL/2, tCCD_L) = 2, GWRITE 96 cycles for
    /// a 1 KB row (configuration.cc gwrite_delay), dual row buffers.
    /// </summary>
    public static PimSpec NeuPims { get; } = new(
        "neupims", LanesPerUnit: 16, BanksPerUnit: 1, ElementBytes: 2, CompCycles: 2, ActBanksPerCommand: 4, ActWeightInFaw: 2,
        MinCompsPerTile: 6, ReadoutCyclesPerResult: 2, GlobalBufferBytes: 1024, BroadcastCyclesPerBuffer: 96, DualRowBuffer: true);

    /// <summary>NeuPIMs' "npu+pim" baseline: the same PIM with a single row buffer (Newton-like), so PIM blocks host traffic.</summary>
    public static PimSpec Newton { get; } = NeuPims with { Name = "newton", DualRowBuffer = false };

    /// <summary>
    /// Samsung HBM-PIM (PIMSimulator): one 16-lane FP16 PCU per 2 banks (8 per pseudo-channel), a MAC every tCCD_L = 4 cycles
    /// (300 MHz PCU at 1.2 GHz), all-bank ACT (one per tFAW window), GRF_A = 8 × 256 bit = 256 B of input per PCU,
    /// written by the host: 8 bursts at tCCD_L. No pipeline-fill minimum is documented (1).
    /// </summary>
    public static PimSpec SamsungHbmPim { get; } = new(
        "samsung-hbm-pim", LanesPerUnit: 16, BanksPerUnit: 2, ElementBytes: 2, CompCycles: 4, ActBanksPerCommand: 16, ActWeightInFaw: 4,
        MinCompsPerTile: 1, ReadoutCyclesPerResult: 4, GlobalBufferBytes: 256, BroadcastCyclesPerBuffer: 32, DualRowBuffer: false);

    /// <summary>
    /// SK hynix GDDR6-AiM: one 16-lane BF16 PU per bank, 2 KB global buffer (UniNDP gddr6-aim.yaml), a MAC per 1 ns column
    /// op (max(BL/2, tCCD_S) on <see cref="DramPresets.AimGddr6"/>): SK hynix's claims — 16× the channel's external bandwidth
    /// inside the banks, ≈1 TFLOPS per chip (32 PUs × 16 MAC × 2 FLOP × 1 GHz). Activates per bank group as Newton ("ACT4",
    /// two ACT-equivalents each in tFAW, two per window), READRES at tCCD_L = 2, GWRITE of 2 KB = 64 bursts of 32 B at 1 ns (our derivation).
    /// </summary>
    public static PimSpec Aim { get; } = new(
        "aim", LanesPerUnit: 16, BanksPerUnit: 1, ElementBytes: 2, CompCycles: 1, ActBanksPerCommand: 4, ActWeightInFaw: 2,
        MinCompsPerTile: 1, ReadoutCyclesPerResult: 2, GlobalBufferBytes: 2048, BroadcastCyclesPerBuffer: 64, DualRowBuffer: false);

    public static IReadOnlyList<(PimSpec Pim, DramTimingSpec Dram)> All { get; } =
    [
        (NeuPims, DramPresets.NeuPimsHbm2),
        (Newton, DramPresets.NeuPimsHbm2),
        (SamsungHbmPim, DramPresets.SamsungHbmPim),
        (Aim, DramPresets.AimGddr6),
    ];

    public static (PimSpec Pim, DramTimingSpec Dram)? Find(string name) =>
        All.Any(p => p.Pim.Name == name) ? All.First(p => p.Pim.Name == name) : null;
}
