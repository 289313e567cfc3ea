using Sim.Core.Hardware;

namespace Sim.Core.Workloads;

/// <summary>Elementwise ops the vector unit runs, by cost class (a subtraction is an add; a reciprocal an exp).</summary>
public readonly record struct VectorOps(long Maxes, long Adds, long Muls, long Exps)
{
    public static VectorOps Zero => default;

    public long Total => checked(Maxes + Adds + Muls + Exps);

    public static VectorOps operator +(VectorOps a, VectorOps b) =>
        new(checked(a.Maxes + b.Maxes), checked(a.Adds + b.Adds), checked(a.Muls + b.Muls), checked(a.Exps + b.Exps));

    public static VectorOps Add(VectorOps a, VectorOps b) => a + b;

    public VectorOps Times(long count) => new(checked(Maxes * count), checked(Adds * count), checked(Muls * count), checked(Exps * count));

    /// <summary>Each class runs on all lanes at once: Σ_class ⌈count / lanes⌉ × cycles per op.</summary>
    public long Cycles(VectorUnitSpec unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        long Class(long count, int cycles) => checked(((count + unit.Lanes - 1) / unit.Lanes) * cycles);
        return checked(Class(Maxes, unit.MaxCycles) + Class(Adds, unit.AddCycles) + Class(Muls, unit.MulCycles) + Class(Exps, unit.ExpCycles));
    }

    /// <summary>Lane-cycles of work (an exp counts its 7 cycles): what the unit's energy is charged on.</summary>
    public long LaneCycles(VectorUnitSpec unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return checked(Maxes * unit.MaxCycles + Adds * unit.AddCycles + Muls * unit.MulCycles + Exps * unit.ExpCycles);
    }
}
