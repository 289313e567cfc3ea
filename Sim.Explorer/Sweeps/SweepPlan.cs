using Sim.Core.Hardware;

namespace Sim.Explorer.Sweeps;

/// <summary>Expands a spec into its points in a fixed order: workload, tile, PE variant, then memory axes.</summary>
public static class SweepPlan
{
    public static IReadOnlyList<SweepPoint> Expand(SweepSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var combinations =
            from workload in spec.Workloads
            from tile in spec.Tiles
            from variant in spec.PeVariants
            from ifmapKb in spec.IfmapKb
            from filterKb in spec.FilterKb
            from ofmapKb in spec.OfmapKb
            from bandwidth in spec.DramBandwidthBytesPerCycle
            select (workload, arch: spec.Base with
            {
                Name = TileGrid.Of(tile).Label + (variant == PeVariant.Mac ? "" : "-" + variant.ToName()),
                Tile = tile,
                Costs = spec.Base.Costs with { Variant = variant },
                Scratchpad = new ScratchpadSpec(ifmapKb, filterKb, ofmapKb),
                Dram = spec.Base.Dram with { BandwidthBytesPerCycle = bandwidth },
            });
        return combinations
            .Select((c, index) => new SweepPoint(index, c.workload.Path, c.workload.Workload, c.arch, spec.Mode))
            .ToList();
    }
}
