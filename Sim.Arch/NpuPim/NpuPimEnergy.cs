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
