using Sim.Arch.Energy;
using Sim.Core.Hardware;

namespace Sim.Explorer.Sweeps.Space;

/// <summary>A number known from the resolved arch alone, before any simulation: what a constraint can test.</summary>
public sealed record DesignMetric(string Name, string Unit, Func<ArchSpec, double> Value)
{
    public override string ToString() => Name;
}

/// <summary>
/// The catalogue of <see cref="DesignMetric"/>s. Areas come from the same <see cref="AreaModel"/> and resolved cost
/// table as points.csv's area_mm2 and mac_area_mm2, so a constraint and the column agree. Every dense tile kind's PE
/// does one MAC per cycle, so peak_macs_per_cycle equals pe_count (kept as its own name for specs that mean throughput).
/// </summary>
public static class DesignMetrics
{
    public static IReadOnlyList<DesignMetric> All { get; } =
    [
        new("pe_count", "PEs", a => a.Tile.PeCount),
        new("peak_macs_per_cycle", "MACs/cycle", a => a.Tile.PeCount),
        new("area_mm2", "mm²", a => Area(a).TotalMm2),
        new("mac_area_mm2", "mm²", a => Area(a).MacMm2),
        new("sram_kb", "KB", a => a.Scratchpad.IfmapKb + a.Scratchpad.FilterKb + a.Scratchpad.OfmapKb),
        new("aspect_ratio", "ratio", a => AspectRatio(TileGrid.Of(a.Tile))),
        new("rows", "PEs", a => TileGrid.Of(a.Tile).Rows),
        new("cols", "PEs", a => TileGrid.Of(a.Tile).Cols),
        new("ifmap_kb", "KB", a => a.Scratchpad.IfmapKb),
        new("filter_kb", "KB", a => a.Scratchpad.FilterKb),
        new("ofmap_kb", "KB", a => a.Scratchpad.OfmapKb),
        new("dram_bandwidth_bytes_per_cycle", "B/cycle", a => a.Dram.BandwidthBytesPerCycle),
        new("dram_latency_cycles", "cycles", a => a.Dram.LatencyCycles),
        new("word_bytes", "B", a => a.WordBytes),
        new("vector_lanes", "lanes", a => a.Vector.Lanes),
    ];

    public static DesignMetric? Find(string name) => All.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.Ordinal));

    private static AreaBreakdown Area(ArchSpec arch) => AreaModel.Of(arch, CostResolver.Resolve(arch));

    private static double AspectRatio(TileGrid grid) => (double)Math.Max(grid.Rows, grid.Cols) / Math.Min(grid.Rows, grid.Cols);
}
