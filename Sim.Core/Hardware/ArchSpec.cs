namespace Sim.Core.Hardware;

/// <summary>
/// One accelerator: a compute tile, its scratchpads, DRAM and clock.
/// <see cref="WordBytes"/> is the operand width (1 = int8, 4 = fp32); ofmap words use the same width,
/// as in SCALE-Sim.
/// </summary>
public sealed record ArchSpec(
    string Name,
    TileSpec Tile,
    ScratchpadSpec Scratchpad,
    DramSpec Dram,
    double ClockGhz,
    int WordBytes)
{
    /// <summary>Energy and area settings; every figure defaults to the tile kind's (see <see cref="CostSpec"/>).</summary>
    public CostSpec Costs { get; init; } = CostSpec.Defaults;

    /// <summary>The vector unit softmax runs on (attention); <see cref="VectorUnitSpec.Default"/> unless the YAML has <c>vector:</c>.</summary>
    public VectorUnitSpec Vector { get; init; } = VectorUnitSpec.Default;

    /// <summary>The command-level DRAM model from the YAML's <c>dram: timing:</c>, or null when the arch has none.</summary>
    public DramTimingSpec? DramTiming { get; init; }

    /// <summary>
    /// On-chip buffer attention's lowerings may use: the three scratchpads together (a fused kernel keeps its Q, K, V,
    /// S/P and O blocks in whichever scratchpad; one shared SRAM budget, as FlashAttention's M and FuseMax's L3).
    /// </summary>
    public long OnChipBufferBytes => Scratchpad.IfmapBytes + Scratchpad.FilterBytes + Scratchpad.OfmapBytes;

    /// <summary>
    /// The defaults of <c>sim op</c>: SCALE-Sim's shipped scale.cfg (64 KB per operand scratchpad, int8 words) with its
    /// CALC interface bandwidth — DRAM as fast as needed, so no stalls (<see cref="DramSpec.Unlimited"/>).
    /// </summary>
    public static ArchSpec Default(TileSpec tile) =>
        new("default", tile, new ScratchpadSpec(64, 64, 64), DramSpec.Unlimited, 1.0, 1);
}
