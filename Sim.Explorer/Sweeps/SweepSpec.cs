using Sim.Core.Hardware;
using Sim.Core.Workloads;
using Sim.Explorer.Analysis;

namespace Sim.Explorer.Sweeps;

/// <summary>
/// A validated sweep: a base arch, the workloads, and the values of each swept parameter (a grid: every combination
/// is a point). <see cref="Tiles"/> is the tile axis already expanded (a <c>tile:</c> list, or the rows × cols ×
/// dataflow product of a systolic base). An axis the spec does not sweep holds the base arch's value.
/// </summary>
public sealed record SweepSpec(
    string Name,
    string SourcePath,
    string SourceText,
    SimMode Mode,
    ArchSpec Base,
    IReadOnlyList<(string Path, Workload Workload)> Workloads,
    IReadOnlyList<TileSpec> Tiles,
    IReadOnlyList<PeVariant> PeVariants,
    IReadOnlyList<double> IfmapKb,
    IReadOnlyList<double> FilterKb,
    IReadOnlyList<double> OfmapKb,
    IReadOnlyList<double> DramBandwidthBytesPerCycle)
{
    /// <summary>What the sweep optimises: the Pareto front of points.csv and the report's plots and top designs use these.</summary>
    public IReadOnlyList<Objective> Objectives { get; init; } = Objective.Defaults;

    /// <summary>The spec's <c>search:</c>, or null for a grid sweep (every point).</summary>
    public SearchSpec? Search { get; init; }

    public long PointCount => (long)Workloads.Count * Tiles.Count * PeVariants.Count
        * IfmapKb.Count * FilterKb.Count * OfmapKb.Count * DramBandwidthBytesPerCycle.Count;
}
