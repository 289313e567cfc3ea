namespace Sim.Core.Hardware;

/// <summary>
/// DRAM devices with their sources (../shared/research/pim-sparse-attn.md §A.1.2, §A.2, §A.3).
/// </summary>
public static class DramPresets
{
    /// <summary>
    /// NeuPIMs' HBM2 (configs/memory_configs/neupims.json + NewtonSim HBM2_8Gb_x128_dualpim.ini): 32 channels of 128 bit,
    /// BL4 (64 B per burst), 2 ranks × 4 bank groups × 4 banks = 32 banks, 1 KB rows, tCK 1 ns; 32 GB/s per channel,
    /// 1.024 TB/s in all. tRTP: NewtonSim reads a key the ini does not set and uses its default 5.
    /// </summary>
    public static DramTimingSpec NeuPimsHbm2 { get; } = new(
        "neupims-hbm2", Channels: 32, Ranks: 2, BankGroups: 4, BanksPerGroup: 4, RowBytes: 1024, BurstBytes: 64, BurstCycles: 2, ClockGhz: 1.0,
        new DramTimings(ClCycles: 14, CwlCycles: 4, TrcdCycles: 14, TrpCycles: 14, TrasCycles: 34, TfawCycles: 30, TrrdSCycles: 4, TrrdLCycles: 6,
            TccdSCycles: 1, TccdLCycles: 2, TrfcCycles: 260, TrefiCycles: 3900, TwrCycles: 16, TrtpCycles: 5, TwtrSCycles: 6, TwtrLCycles: 8));

    /// <summary>
    /// Samsung HBM-PIM / Aquabolt-XL as its PIMSimulator models it (ini/HBM2_samsung_2M_16B_x64.ini, system_hbm.ini):
    /// 16 pseudo-channels of 64 bit, BL4 (32 B per burst), 4 bank groups × 4 banks, 1 KB rows (128 columns × 64 bit), tCK 1 ns.
    /// tFAW = the ini's tXAW 16 (its XAW = 4 ACTs). tRTP = tRTPL 5.
    /// </summary>
    public static DramTimingSpec SamsungHbmPim { get; } = new(
        "samsung-hbm-pim", Channels: 16, Ranks: 1, BankGroups: 4, BanksPerGroup: 4, RowBytes: 1024, BurstBytes: 32, BurstCycles: 2, ClockGhz: 1.0,
        new DramTimings(ClCycles: 20, CwlCycles: 8, TrcdCycles: 14, TrpCycles: 14, TrasCycles: 33, TfawCycles: 16, TrrdSCycles: 4, TrrdLCycles: 6,
            TccdSCycles: 2, TccdLCycles: 4, TrfcCycles: 350, TrefiCycles: 3900, TwrCycles: 16, TrtpCycles: 5, TwtrSCycles: 4, TwtrLCycles: 9));

    /// <summary>
    /// SK hynix GDDR6-AiM after UniNDP's config/gddr6-aim.yaml (1 ns step): 4 bank groups × 4 banks, 2 KB rows (64 columns ×
    /// 256 bit, 32 B per column access), tRCD 26, tRP 26, tWR 26, tRTP 4, tWTR_L 11, RL 24, WL 6. Column spacing: UniNDP's
    /// tCCD_S/L of 4/6 would give the host 8 GB/s per channel, a quarter of the x16 pins at 16 Gb/s (32 GB/s) that the product
    /// claims (and its "16× inside the banks" = 16 banks × 32 B per ns), so we take tCCD_S/L = 1/2 (one 32 B burst per ns,
    /// the same bank group every 2). UniNDP gives no tRAS, tFAW, tRRD, tRFC or tREFI: ours are assumptions — tRAS 45, tFAW 32,
    /// tRRD 4/6 (typical GDDR6), refresh as the HBM2 presets'. Two channels per chip (AiM's 32 PUs per chip = 2 × 16 banks).
    /// </summary>
    public static DramTimingSpec AimGddr6 { get; } = new(
        "aim-gddr6", Channels: 2, Ranks: 1, BankGroups: 4, BanksPerGroup: 4, RowBytes: 2048, BurstBytes: 32, BurstCycles: 1, ClockGhz: 1.0,
        new DramTimings(ClCycles: 24, CwlCycles: 6, TrcdCycles: 26, TrpCycles: 26, TrasCycles: 45, TfawCycles: 32, TrrdSCycles: 4, TrrdLCycles: 6,
            TccdSCycles: 1, TccdLCycles: 2, TrfcCycles: 260, TrefiCycles: 3900, TwrCycles: 26, TrtpCycles: 4, TwtrSCycles: 6, TwtrLCycles: 11));

    public static IReadOnlyList<DramTimingSpec> All { get; } = [NeuPimsHbm2, SamsungHbmPim, AimGddr6];

    public static DramTimingSpec? Find(string name) => All.FirstOrDefault(p => p.Name == name);
}
