using Google.OrTools.Sat;

namespace Sim.Mapping.Layers;

/// <summary>An integer variable of the CP-SAT layer model with the bounds it was created with (products derive their
/// domains from their factors' bounds, so every domain follows from the problem).</summary>
internal sealed record CpSatQuantity(IntVar Var, long Lb, long Ub)
{
    public bool IsOne => Lb == 1 && Ub == 1;
}

/// <summary>Builders for the quantities of <see cref="CpSatLayerModel"/>: exact products, footprints, choices.</summary>
internal sealed class CpSatBuilder(CpModel model)
{
    /// <summary>No variable of the model may exceed this (CP-SAT accepts domains within ±(2^63 − 1)/2).</summary>
    public const long Limit = (1L << 62) - 1;

    public CpModel Model { get; } = model;

    public CpSatQuantity One { get; } = new(model.NewConstant(1), 1, 1);

    public CpSatQuantity Var(long lb, long ub, string name) => new(Model.NewIntVar(lb, ub, name), lb, ub);

    /// <summary>target = Π factors (factors fixed at 1 dropped). <paramref name="cap"/> and <paramref name="floor"/> are
    /// bounds that hold for every feasible mapping (a capacity, or a count bound proven in the caller), never guesses.</summary>
    public CpSatQuantity Product(string name, IEnumerable<CpSatQuantity> factors, long cap = Limit, long floor = 0)
    {
        var used = factors.Where(f => !f.IsOne).ToList();
        if (used.Count == 0)
            return One;
        if (used.Count == 1 && used[0].Ub <= cap && used[0].Lb >= floor)
            return used[0];
        Int128 lb = 1, ub = 1;
        foreach (var f in used)
        {
            lb *= f.Lb;
            ub = Math.Min((long)Int128.Min(ub * f.Ub, Limit), Limit);
        }

        var target = Var((long)Int128.Min(Int128.Max(lb, floor), cap), (long)Int128.Min(ub, cap), name);
        Model.AddMultiplicationEquality(target.Var, used.Select(f => f.Var));
        return target;
    }

    /// <summary>target = condition ? ifTrue : ifFalse.</summary>
    public CpSatQuantity Choose(string name, BoolVar condition, CpSatQuantity ifTrue, CpSatQuantity ifFalse)
    {
        var target = Var(Math.Min(ifTrue.Lb, ifFalse.Lb), Math.Max(ifTrue.Ub, ifFalse.Ub), name);
        Model.Add(target.Var == ifTrue.Var).OnlyEnforceIf(condition);
        Model.Add(target.Var == ifFalse.Var).OnlyEnforceIf(condition.Not());
        return target;
    }

    /// <summary>A variable equal to a linear expression whose bounds the caller derived.</summary>
    public CpSatQuantity Equal(string name, LinearExpr expression, long lb, long ub)
    {
        var target = Var(lb, ub, name);
        Model.Add(target.Var == expression);
        return target;
    }

    /// <summary>A Boolean that is true iff the quantity exceeds 1 (a non-trivial loop).</summary>
    public BoolVar AboveOne(string name, CpSatQuantity quantity)
    {
        var literal = Model.NewBoolVar(name);
        if (quantity.Ub <= 1)
        {
            Model.Add(literal == 0);
            return literal;
        }

        Model.Add(quantity.Var >= 2).OnlyEnforceIf(literal);
        Model.Add(quantity.Var == 1).OnlyEnforceIf(literal.Not());
        return literal;
    }

    public static long Saturate(Int128 value) => (long)Int128.Clamp(value, 0, Limit);
}
