namespace Sim.Arch.NpuPim;

/// <summary>
/// Energy per action. Defaults (AttAcc simulator src/config.py, per-bit figures of O'Connor et al., MICRO'17; research notes
/// §A.4): a byte moved from a bank to the host over HBM 28.7 pJ (cell ACT/PRE 0.11 + cell RD 0.44 + column decoder→BG mux
/// 1.01 + BG mux→GIO 1.23 + TSV 0.5 + interposer 0.3, ×8), a byte used inside its bank 4.4 pJ (cell ACT/PRE + RD only),
/// a PIM ALU op 0.32 pJ; NPU MAC 0.41 pJ, our weight-stationary systolic default (Sim.Arch/Energy/CostDefaults: an
/// int8 synthesis figure — an FP16 MAC costs more, so NPU compute energy is a lower bound).
/// </summary>
public sealed record NpuPimEnergyCosts(double NpuPjPerMac, double HostPjPerByte, double BankPjPerByte, double PimAluPjPerMac)
{
    public static NpuPimEnergyCosts AttAcc { get; } = new(0.41, 28.7, (0.11 + 0.44) * 8, 0.32);
}
