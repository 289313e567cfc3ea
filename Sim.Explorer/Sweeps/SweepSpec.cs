using Sim.Core.Hardware;
using Sim.Core.Workloads;

namespace Sim.Explorer.Sweeps;

/// <summary>
/// A validated sweep: a base arch, the workloads, and the values of each swept parameter (a grid: every combination
/// is a point). An axis the spec does not sweep holds the base arch's value.
/// </summary>
public sealed record SweepSpec(
    string Name,
    string SourcePath,
    string SourceText,
    SimMode Mode,
    ArchSpec Base,
    IReadOnlyList<(string Path, Workload Workload)> Workloads,
    IReadOnlyList<int> Rows,
    IReadOnlyList<int> Cols,
    IReadOnlyList<Dataflow> Dataflows,
    IReadOnlyList<double> IfmapKb,
    IReadOnlyList<double> FilterKb,
    IReadOnlyList<double> OfmapKb,
    IReadOnlyList<double> DramBandwidthBytesPerCycle)
{
    public long PointCount => (long)Workloads.Count * Rows.Count * Cols.Count * Dataflows.Count
        * IfmapKb.Count * FilterKb.Count * OfmapKb.Count * DramBandwidthBytesPerCycle.Count;
}
