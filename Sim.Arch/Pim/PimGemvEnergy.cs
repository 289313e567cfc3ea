namespace Sim.Arch.Pim;

/// <summary>A GEMV's energy (pJ), by command kind, plus the channels' background while busy.</summary>
public sealed record PimGemvEnergy(double ActivatePj, double ComputePj, double ReadResultPj, double GlobalWritePj, double BackgroundPj)
{
    public double DynamicPj => ActivatePj + ComputePj + ReadResultPj + GlobalWritePj;

    public double TotalPj => DynamicPj + BackgroundPj;
}
