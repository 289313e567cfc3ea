using Sim.Core.Hardware;

namespace Sim.Arch.Energy;

/// <summary>Defaults of the tile kind, then the arch's overrides, then the PE variant's factors on the MAC figures.</summary>
public static class CostResolver
{
    public static CostTable Resolve(ArchSpec arch)
    {
        ArgumentNullException.ThrowIfNull(arch);
        var c = arch.Costs;
        var (macPj, macAreaUm2) = CostDefaults.Mac(arch.Tile);
        var (areaGain, energyGain) = PeVariantFactors.Of(c.Variant, arch.Tile, arch.ClockGhz);
        return new CostTable(
            (c.MacPj ?? macPj) / energyGain,
            c.AccumulatorPjPerByte ?? CostDefaults.AccumulatorPjPerByte,
            c.SramReadPjPerByte ?? CostDefaults.SramPjPerByte,
            c.SramWritePjPerByte ?? CostDefaults.SramPjPerByte,
            c.DramPjPerByte ?? CostDefaults.DramPjPerByte,
            (c.MacAreaUm2 ?? macAreaUm2) / areaGain,
            c.SramAreaUm2PerKb ?? CostDefaults.SramAreaUm2PerKb);
    }
}
