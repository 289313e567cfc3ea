using Sim.Core.Hardware;
using Sim.Core.Workloads;
using Sim.Explorer.Analysis;
using Sim.Explorer.Sweeps.Space;

namespace Sim.Explorer.Sweeps;

/// <summary>
/// A validated sweep: a base arch, the workloads, the design space (the swept axes), how archs are drawn from it
/// (<see cref="Sampling"/>, <see cref="Seed"/>), the <see cref="Constraints"/> an arch must meet before it is simulated,
/// and the <see cref="Objectives"/>. Every drawn arch runs on every workload. <see cref="SweepPlan"/> expands it.
/// </summary>
public sealed record SweepSpec(
    string Name,
    string SourcePath,
    string SourceText,
    SimMode Mode,
    ArchSpec Base,
    IReadOnlyList<(string Path, Workload Workload)> Workloads,
    DesignSpace Space)
{
    /// <summary>What the sweep optimises: the Pareto front of points.csv and the report's plots and top designs use these.</summary>
    public IReadOnlyList<Objective> Objectives { get; init; } = Objective.Defaults;

    public SweepSampling Sampling { get; init; } = SweepSampling.Grid;

    /// <summary>The seed of random and LHS sampling (and of later search strategies); a grid draws no random numbers.</summary>
    public int Seed { get; init; } = 1;

    public IReadOnlyList<DesignConstraint> Constraints { get; init; } = [];

    /// <summary>The two axes the utilization heatmap spans (default: array rows × cols).</summary>
    public HeatmapSpec Heatmap { get; init; } = HeatmapSpec.Default;

    /// <summary>The spec's <c>search:</c>, or null for a sweep of its sampled points.</summary>
    public SearchSpec? Search { get; init; }

    /// <summary>Points the plan holds: drawn archs that meet the constraints × workloads, duplicates removed.</summary>
    public long PointCount => SweepPlan.Build(this).Points.Count;
}
