namespace Sim.Arch.Attention;

/// <summary>Energy of one attention by component, in pJ (the dense tiles' components plus the vector unit's).</summary>
public sealed record AttentionEnergy(double MacPj, double AccumulatorPj, double SramPj, double DramPj, double VectorPj)
{
    public double TotalPj => MacPj + AccumulatorPj + SramPj + DramPj + VectorPj;

    public static AttentionEnergy Zero { get; } = new(0, 0, 0, 0, 0);
}
