using Sim.Explorer.Results;

namespace Sim.Explorer.Analysis;

/// <summary>
/// One objective of a sweep: a metric and whether it is minimised or maximised. <see cref="Cost"/> turns every
/// objective into one to minimise, so Pareto fronts and searches need only one direction.
/// </summary>
public sealed record Objective(PointMetric Metric, bool Maximize)
{
    /// <summary>The objectives of a spec that names none: latency against PE count, the front the sweep always drew.</summary>
    public static IReadOnlyList<Objective> Defaults { get; } =
        [new(PointMetrics.LatencyCycles, false), new(PointMetrics.PeCount, false)];

    public string Name => Metric.Name;

    /// <summary>The value to minimise: the metric, negated when it is maximised.</summary>
    public double Cost(PointRow row) => Maximize ? -Metric.Value(row) : Metric.Value(row);

    public override string ToString() => (Maximize ? "max " : "min ") + Metric.Name;
}
