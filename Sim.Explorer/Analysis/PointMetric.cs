using Sim.Explorer.Results;

namespace Sim.Explorer.Analysis;

/// <summary>
/// A numeric result column of points.csv that a sweep can optimise, constrain or plot: its column name, unit, whether
/// smaller is better (the direction an objective takes when the spec does not say), and how to read it from a row.
/// </summary>
public sealed record PointMetric(string Name, string Unit, bool LowerIsBetter, Func<PointRow, double> Value)
{
    public override string ToString() => Name;
}
