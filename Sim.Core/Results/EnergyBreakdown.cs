namespace Sim.Core.Results;

/// <summary>Energy of one op by component, in pJ: each is an action count times that action's per-unit energy.</summary>
public sealed record EnergyBreakdown(double MacPj, double AccumulatorPj, double SramPj, double DramPj)
{
    public double TotalPj => MacPj + AccumulatorPj + SramPj + DramPj;

    public static EnergyBreakdown operator +(EnergyBreakdown a, EnergyBreakdown b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return new(a.MacPj + b.MacPj, a.AccumulatorPj + b.AccumulatorPj, a.SramPj + b.SramPj, a.DramPj + b.DramPj);
    }

    public static EnergyBreakdown Add(EnergyBreakdown a, EnergyBreakdown b) => a + b;

    public static EnergyBreakdown Zero { get; } = new(0, 0, 0, 0);

    /// <summary>Every component × <paramref name="count"/> (the same op run that many times).</summary>
    public EnergyBreakdown Times(long count) => new(MacPj * count, AccumulatorPj * count, SramPj * count, DramPj * count);
}
