using Sim.Core.Hardware;

namespace Sim.Arch.Energy;

/// <summary>Silicon area of a tile: its MACs and its scratchpads (bit cells; DRAM is off chip).</summary>
public sealed record AreaBreakdown(double MacUm2, double SramUm2)
{
    public double TotalUm2 => MacUm2 + SramUm2;

    public double MacMm2 => MacUm2 / 1e6;

    public double TotalMm2 => TotalUm2 / 1e6;
}

public static class AreaModel
{
    public static AreaBreakdown Of(ArchSpec arch, CostTable costs)
    {
        ArgumentNullException.ThrowIfNull(arch);
        ArgumentNullException.ThrowIfNull(costs);
        var s = arch.Scratchpad;
        return new AreaBreakdown(
            arch.Tile.PeCount * costs.MacAreaUm2,
            (s.IfmapKb + s.FilterKb + s.OfmapKb) * costs.SramAreaUm2PerKb);
    }
}
