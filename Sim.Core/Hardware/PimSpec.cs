namespace Sim.Core.Hardware;

/// <summary>
/// Bank-level processing-in-memory on a <see cref="DramTimingSpec"/> device: a processing unit (PU) with
/// <see cref="LanesPerUnit"/> multipliers and an adder tree per <see cref="BanksPerUnit"/> banks. An all-bank column
/// command (COMP) makes every PU of a channel multiply one column of its open row (LanesPerUnit elements of
/// <see cref="ElementBytes"/>) by the matching slice of the input vector held in the channel's global buffer, and
/// accumulate in fp32. Presets and their sources: <see cref="PimPresets"/>.
/// </summary>
/// <param name="Name">Preset or user name.</param>
/// <param name="LanesPerUnit">Multipliers per PU (16 in every design surveyed).</param>
/// <param name="BanksPerUnit">Banks sharing one PU (1: NeuPIMs/Newton/AiM; 2: Samsung HBM-PIM's PCU per bank pair).</param>
/// <param name="ElementBytes">Operand width (2: FP16/BF16).</param>
/// <param name="CompCycles">Spacing of all-bank COMPs: max(BL/2, tCCD) of the design (NeuPIMs 2, Samsung 4 = tCCD_L).</param>
/// <param name="ActBanksPerCommand">
/// Banks one PIM activate opens (NeuPIMs/Newton G_ACT: a bank group of 4; Samsung all-bank mode: all of them).
/// </param>
/// <param name="ActWeightInFaw">
/// How many of tFAW's four activates one PIM activate counts as (NeuPIMs: 2 — two G_ACTs per tFAW window; Samsung AB
/// mode: 4 — one all-bank ACT per window, its power limit).
/// </param>
/// <param name="MinCompsPerTile">Pipeline fill: a tile costs at least this many COMP slots (NeuPIMs: 6).</param>
/// <param name="ReadoutCyclesPerResult">Cycles per READRES after the first (NeuPIMs: max(BL/2, tCCD_L) = 2).</param>
/// <param name="GlobalBufferBytes">Input-vector buffer per channel (NeuPIMs: one 1 KB row; AiM: 2 KB).</param>
/// <param name="BroadcastCyclesPerBuffer">
/// Cycles to write one full global buffer from a DRAM row (GWRITE; NeuPIMs: (tCCD_S + tCCD_L)·32 = 96), excluding the
/// row's activation.
/// </param>
/// <param name="DualRowBuffer">
/// NeuPIMs' second row buffer per bank: PIM and normal reads/writes proceed concurrently (only the bus is shared).
/// False = Newton/HBM-PIM: the channel serves either PIM or host traffic at a time.
/// </param>
public sealed record PimSpec(
    string Name,
    int LanesPerUnit,
    int BanksPerUnit,
    int ElementBytes,
    int CompCycles,
    int ActBanksPerCommand,
    int ActWeightInFaw,
    int MinCompsPerTile,
    int ReadoutCyclesPerResult,
    int GlobalBufferBytes,
    int BroadcastCyclesPerBuffer,
    bool DualRowBuffer)
{
    /// <summary>Bytes one PU consumes from its bank per COMP.</summary>
    public int BytesPerComp => LanesPerUnit * ElementBytes;

    /// <summary>PUs per channel on <paramref name="dram"/>.</summary>
    public int UnitsPerChannel(DramTimingSpec dram) => dram.BanksPerChannel / BanksPerUnit;

    /// <summary>MACs per memory cycle of one channel at full rate.</summary>
    public double MacsPerCyclePerChannel(DramTimingSpec dram) => (double)UnitsPerChannel(dram) * LanesPerUnit / CompCycles;
}
