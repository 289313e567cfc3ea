using Sim.Arch.Energy;
using Sim.Core.Hardware;

namespace Sim.Arch.Vector;

/// <summary>The energy of one 1-cycle lane op of an arch's vector unit (shared by the attention and vector-op models).</summary>
public static class VectorUnitEnergy
{
    /// <summary>
    /// The vector unit's own figure, else the arch's MAC energy override, else the tile kind's default MAC energy before
    /// any PE-variant factor (a bit-weight or EN-T multiplier array does not make the vector unit cheaper).
    /// </summary>
    public static double PjPerOp(ArchSpec arch)
    {
        ArgumentNullException.ThrowIfNull(arch);
        return arch.Vector.PjPerOp ?? arch.Costs.MacPj ?? CostDefaults.Mac(arch.Tile).MacPj;
    }
}
