namespace Sim.Core.Hardware;

/// <summary>
/// A native GEMM target (a CPU's cores, a GPU's SMs) described by its work division and fitted timing parameters, so
/// the simulator predicts what the real machine takes (see Sim.Arch's CalibratedModel and docs/calibrate.md).
/// <see cref="Units"/> workers each retire up to <see cref="MacsPerCyclePerUnit"/> MACs a cycle (the ISA's peak:
/// SIMD lanes × FMA pipes); the output is cut into <see cref="TileM"/>×<see cref="TileN"/> register tiles, K walked in
/// <see cref="BlockK"/> steps, A re-streamed once per <see cref="BlockN"/> columns. <see cref="Efficiency"/>,
/// <see cref="TileOverheadCycles"/>, <see cref="LaunchCycles"/> and <see cref="BPackCyclesPerByte"/> (the cost of
/// gathering B into panels: a strided read, slower per byte than streaming) are fitted by <c>sim calibrate</c>.
/// </summary>
public sealed record CalibratedTileSpec(
    int Units,
    int MacsPerCyclePerUnit,
    int TileM,
    int TileN,
    int BlockM,
    int BlockN,
    int BlockK,
    double Efficiency,
    double TileOverheadCycles,
    double LaunchCycles,
    double BPackCyclesPerByte) : TileSpec
{
    public const string KindName = "calibrated";

    public override string Kind => KindName;

    /// <summary>MAC lanes of the whole target (units × lanes per unit): the denominator of utilization.</summary>
    public override long PeCount => (long)Units * MacsPerCyclePerUnit;

    public override string ToString() =>
        $"calibrated {Units}x{MacsPerCyclePerUnit} MACs/cycle, tile {TileM}x{TileN}, block_k {BlockK}";
}
