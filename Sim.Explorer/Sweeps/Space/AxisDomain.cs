using System.Globalization;

namespace Sim.Explorer.Sweeps.Space;

/// <summary>
/// The values one axis of a design space can take. Every domain maps a unit-interval coordinate u ∈ [0, 1) to a value
/// (<see cref="At(double)"/>), so random sampling, Latin hypercubes and search strategies all draw through one map.
/// </summary>
public abstract record AxisDomain
{
    /// <summary>The value at unit coordinate <paramref name="u"/> ∈ [0, 1).</summary>
    public abstract object At(double u);

    /// <summary>Checks that <paramref name="u"/> is a unit coordinate; 1 itself is outside (strata are half-open).</summary>
    protected static void CheckUnit(double u)
    {
        if (!(u >= 0 && u < 1))
            throw new ArgumentOutOfRangeException(nameof(u), u, "a unit coordinate is in [0, 1)");
    }
}

/// <summary>
/// A finite list of values in their listed order (a YAML list, or a range with a step or a log2 scale, already expanded).
/// u maps to the value whose equal-width cell of [0, 1) holds it, so a uniform u picks every value with probability
/// 1/<see cref="Count"/> — for a log2 range that is uniform over the exponents.
/// </summary>
public sealed record DiscreteDomain(IReadOnlyList<object> Values) : AxisDomain
{
    public int Count => Values.Count;

    public object this[int index] => Values[index];

    public override object At(double u)
    {
        CheckUnit(u);
        return Values[Math.Min(Count - 1, (int)(u * Count))];
    }
}

/// <summary>A real interval [<see cref="Min"/>, <see cref="Max"/>]: u maps linearly (sampling and search only, never a grid).</summary>
public sealed record ContinuousDomain(double Min, double Max) : AxisDomain
{
    public override object At(double u)
    {
        CheckUnit(u);
        return Min + (u * (Max - Min));
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"[{Min}, {Max}]");
}
