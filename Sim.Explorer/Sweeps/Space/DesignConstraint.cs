using System.Globalization;
using Sim.Core.Hardware;

namespace Sim.Explorer.Sweeps.Space;

/// <summary>
/// One <c>constraints:</c> item, tested on a resolved arch before it is simulated: a metric equal to a value (within
/// 1e-9 relative, for round-off), within inclusive <see cref="Min"/>/<see cref="Max"/> bounds, or within a relative
/// <see cref="Tolerance"/> of a <see cref="Target"/> (0.05 = ±5 %). <see cref="Line"/>/<see cref="Column"/> locate it
/// in the spec so a constraint that removes every point is reported where it is written.
/// </summary>
public sealed record DesignConstraint(DesignMetric Metric, double? Min, double? Max, double? Target, double? Tolerance, long Line, long Column)
{
    private const double EqualSlack = 1e-9;

    public static DesignConstraint Equal(DesignMetric metric, double value, long line = 0, long column = 0) =>
        new(metric, null, null, value, 0, line, column);

    public bool Admits(ArchSpec arch)
    {
        ArgumentNullException.ThrowIfNull(arch);
        return Admits(Metric.Value(arch));
    }

    public bool Admits(double value)
    {
        if (Target is { } target)
        {
            // Equality is a zero tolerance; the small absolute slack only absorbs round-off in derived metrics (area).
            var slack = ((Tolerance ?? 0) * Math.Abs(target)) + (EqualSlack * Math.Max(1, Math.Abs(target)));
            return Math.Abs(value - target) <= slack;
        }

        return (Min is not { } min || value >= min) && (Max is not { } max || value <= max);
    }

    /// <summary>The constraint as a person would write it: <c>pe_count = 1024</c>, <c>area_mm2 &lt;= 2.5</c>, <c>area_mm2 = 2 +/- 5%</c>.</summary>
    public override string ToString() => (Target, Tolerance, Min, Max) switch
    {
        ({ } t, 0, _, _) => F($"{Metric.Name} = {t}"),
        ({ } t, { } tol, _, _) => F($"{Metric.Name} = {t} +/- {tol * 100:0.######}%"), // 0.07 → 7%, not 7.000000000000001%
        (_, _, { } lo, { } hi) => F($"{lo} <= {Metric.Name} <= {hi}"),
        (_, _, { } lo, null) => F($"{Metric.Name} >= {lo}"),
        (_, _, null, { } hi) => F($"{Metric.Name} <= {hi}"),
        _ => Metric.Name,
    };

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
