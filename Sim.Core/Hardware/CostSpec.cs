namespace Sim.Core.Hardware;

/// <summary>
/// Energy-per-action and area-per-unit settings of an arch (Accelergy-style). A null value means "the tile kind's
/// default" (with its source, in Sim.Arch/Energy/CostDefaults). <see cref="Variant"/> factors apply on top of the MAC
/// energy and area, whether default or given here.
/// </summary>
public sealed record CostSpec(
    PeVariant Variant = PeVariant.Mac,
    double? MacPj = null,
    double? AccumulatorPjPerByte = null,
    double? SramReadPjPerByte = null,
    double? SramWritePjPerByte = null,
    double? DramPjPerByte = null,
    double? MacAreaUm2 = null,
    double? SramAreaUm2PerKb = null)
{
    /// <summary>Baseline MAC PEs and every figure at the tile kind's default.</summary>
    public static CostSpec Defaults { get; } = new();
}
