using Sim.Core.Hardware;

namespace Sim.Explorer.Sweeps;

/// <summary>Expands a spec into its points in a fixed order: workload, rows, cols, dataflow, then memory axes.</summary>
public static class SweepPlan
{
    public static IReadOnlyList<SweepPoint> Expand(SweepSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var points = new List<SweepPoint>();
        foreach (var (path, workload) in spec.Workloads)
        foreach (var rows in spec.Rows)
        foreach (var cols in spec.Cols)
        foreach (var dataflow in spec.Dataflows)
        foreach (var ifmapKb in spec.IfmapKb)
        foreach (var filterKb in spec.FilterKb)
        foreach (var ofmapKb in spec.OfmapKb)
        foreach (var bandwidth in spec.DramBandwidthBytesPerCycle)
        {
            var arch = spec.Base with
            {
                Name = $"systolic-{rows}x{cols}-{dataflow.ToName()}",
                Tile = new SystolicSpec(rows, cols, dataflow),
                Scratchpad = new ScratchpadSpec(ifmapKb, filterKb, ofmapKb),
                Dram = spec.Base.Dram with { BandwidthBytesPerCycle = bandwidth },
            };
            points.Add(new SweepPoint(points.Count, path, workload, arch, spec.Mode));
        }

        return points;
    }
}
