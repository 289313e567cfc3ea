namespace Sim.Arch.NpuPim;

/// <summary>
/// Dynamic energy of one decoder layer's decode step on one device, by where it is spent (pJ). NPU: the arrays' MACs
/// (dense GEMMs; decode attention too in NPU-only mode) and every byte the NPU moves over the HBM interface. PIM: every
/// K and V byte read inside the banks, one ALU op per MAC, and the GWRITE/READRES bytes on the bus. See
/// <see cref="NpuPimEnergyCosts"/> for the figures and their sources.
/// </summary>
public sealed record NpuPimEnergy(double NpuMacPj, double NpuDramPj, double PimBankPj, double PimAluPj, double PimBusPj)
{
    public static NpuPimEnergy Zero { get; } = new(0, 0, 0, 0, 0);

    public double TotalPj => NpuMacPj + NpuDramPj + PimBankPj + PimAluPj + PimBusPj;
}

/// <summary>
/// Energy per action. Defaults (AttAcc simulator src/config.py, per-bit figures of O'Connor et al., MICRO'17; research notes
/// §A.4): a byte moved from a bank to the host over HBM 28.7 pJ (cell ACT/PRE 0.11 + cell RD 0.44 + column decoder→BG mux
/// 1.01 + BG mux→GIO 1.23 + TSV 0.5 + interposer 0.3, ×8), a byte used inside its bank 4.4 pJ (cell ACT/PRE + RD only),
/// a PIM ALU op 0.32 pJ; NPU MAC 0.41 pJ, our weight-stationary systolic default (Sim.Arch/Energy/CostDefaults: an
/// int8 synthesis figure — an FP16 MAC costs more, so NPU compute energy is a lower bound).
/// </summary>
public sealed record NpuPimEnergyCosts(double NpuMacPj, double HostPjPerByte, double BankPjPerByte, double PimAluPjPerMac)
{
    public static NpuPimEnergyCosts AttAcc { get; } = new(0.41, 28.7, (0.11 + 0.44) * 8, 0.32);
}
