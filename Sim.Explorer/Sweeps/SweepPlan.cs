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
            select (workload, arch: Arch(spec, tile, variant, ifmapKb, filterKb, ofmapKb, bandwidth));
        return combinations
            .Select((c, index) => new SweepPoint(index, c.workload.Path, c.workload.Workload, c.arch, spec.Mode))
            .ToList();
    }

    /// <summary>The base arch with one value of every axis: the one place a point's arch is built (grid and search alike).</summary>
    public static ArchSpec Arch(SweepSpec spec, TileSpec tile, PeVariant variant, double ifmapKb, double filterKb, double ofmapKb, double bandwidthBytesPerCycle)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(tile);
        return spec.Base with
        {
            Name = TileGrid.Of(tile).Label + (variant == PeVariant.Mac ? "" : "-" + variant.ToName()),
            Tile = tile,
            Costs = spec.Base.Costs with { Variant = variant },
            Scratchpad = new ScratchpadSpec(ifmapKb, filterKb, ofmapKb),
            Dram = spec.Base.Dram with { BandwidthBytesPerCycle = bandwidthBytesPerCycle },
        };
    }
}
