using Sim.Core.Hardware;

namespace Sim.Explorer.Sweeps;

/// <summary>Expands a spec into its points in a fixed order: workload, rows, cols, dataflow, then memory axes.</summary>
public static class SweepPlan
{
    public static IReadOnlyList<SweepPoint> Expand(SweepSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var combinations =
            from workload in spec.Workloads
            from rows in spec.Rows
            from cols in spec.Cols
            from dataflow in spec.Dataflows
            from ifmapKb in spec.IfmapKb
            from filterKb in spec.FilterKb
            from ofmapKb in spec.OfmapKb
            from bandwidth in spec.DramBandwidthBytesPerCycle
            select (workload, arch: spec.Base with
            {
                Name = $"systolic-{rows}x{cols}-{dataflow.ToName()}",
                Tile = new SystolicSpec(rows, cols, dataflow),
                Scratchpad = new ScratchpadSpec(ifmapKb, filterKb, ofmapKb),
                Dram = spec.Base.Dram with { BandwidthBytesPerCycle = bandwidth },
            });
        return combinations
            .Select((c, index) => new SweepPoint(index, c.workload.Path, c.workload.Workload, c.arch, spec.Mode))
            .ToList();
    }
}
