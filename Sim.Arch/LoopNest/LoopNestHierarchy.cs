using Sim.Arch.Energy;
using Sim.Arch.Memory;
using Sim.Core.Hardware;
using Sim.Core.Mapping;

namespace Sim.Arch.LoopNest;

/// <summary>
/// What the loop-nest model and the mappers need to know about an arch: the PE array's axes, what a PE can hold, the
/// scratchpad partitions, DRAM bandwidth, per-tile pipeline overhead and integer energies. Derived from an
/// <see cref="ArchSpec"/> by <see cref="FromArch"/>; constructible directly for tests and what-if studies.
/// </summary>
/// <param name="AxisSizes">PE-array axes (rows, cols[, depth]): the spatial fan-out limits.</param>
/// <param name="StationaryOptions">Tensors a PE may hold (a systolic array: any; fixed-dataflow engines: one).</param>
/// <param name="RegisterWords">Words of the stationary tensor each PE holds (a systolic PE: 1).</param>
/// <param name="ScratchpadBytes">Usable bytes per tensor's partition (half of each double-buffered scratchpad).</param>
/// <param name="WordBytes">Operand and final-output width.</param>
/// <param name="PartialSumBytes">Width of outputs while they accumulate (on chip and when spilled to DRAM).</param>
/// <param name="DramBytesPerCycle">DRAM bandwidth; +∞ = never the bottleneck.</param>
/// <param name="TileOverheadCycles">Pipeline fill/drain (and stationary preload) per array tile, per stationary tensor.</param>
/// <param name="Energy">Energy per action in femtojoules (integers, so every mapper sees exactly the same costs).</param>
/// <param name="Layouts">The spatial unrollings the array can execute (<see cref="SpatialLayout"/>); null = any dims on
/// any axis (Timeloop's default, for what-if hierarchies).</param>
public sealed record LoopNestHierarchy(
    IReadOnlyList<int> AxisSizes,
    IReadOnlyList<string> AxisNames,
    IReadOnlyList<DataSpace> StationaryOptions,
    long RegisterWords,
    DataSpaceValues ScratchpadBytes,
    int WordBytes,
    int PartialSumBytes,
    double DramBytesPerCycle,
    DataSpaceValues TileOverheadCycles,
    LoopNestEnergy Energy,
    IReadOnlyList<SpatialLayout>? Layouts = null)
{
    public long PeCount => AxisSizes.Aggregate(1L, (a, s) => a * s);

    /// <summary>
    /// Systolic arrays: any stationary tensor, 1 word per PE, fill/drain rows + cols − 2 per tile plus rows for the
    /// WS/IS preload (as <see cref="Systolic.SystolicFoldTiming"/> with the full array). Cube, 2-D matrix and adder tree
    /// keep their fixed dataflow (<see cref="TileGrid"/>) and are charged no per-tile overhead (their models have none
    /// per fold either). Scratchpads: the ifmap/filter/ofmap partitions, half usable (double buffering); outputs
    /// accumulate at <see cref="PartialSumWidth"/>. Layouts: each tile kind's realisable unrollings
    /// (<see cref="SpatialLayouts"/>).
    /// </summary>
    public static LoopNestHierarchy FromArch(ArchSpec arch)
    {
        ArgumentNullException.ThrowIfNull(arch);
        if (Problem(arch.Tile) is { } problem)
            throw new NotSupportedException(problem);
        var grid = TileGrid.Of(arch.Tile);
        var (sizes, names) = grid.Depth > 1
            ? (new[] { grid.Rows, grid.Cols, grid.Depth }, new[] { "rows", "cols", "depth" })
            : (new[] { grid.Rows, grid.Cols }, new[] { "rows", "cols" });
        var systolic = arch.Tile is SystolicSpec;
        IReadOnlyList<DataSpace> stationary = systolic ? DataSpaces.All : [DataSpaces.StationaryOf(grid.Dataflow)];
        long fill = systolic ? grid.Rows + grid.Cols - 2 : 0;
        long preload = systolic ? grid.Rows : 0;
        return new LoopNestHierarchy(
            sizes,
            names,
            stationary,
            1,
            new DataSpaceValues(arch.Scratchpad.FilterBytes / 2, arch.Scratchpad.IfmapBytes / 2, arch.Scratchpad.OfmapBytes / 2),
            arch.WordBytes,
            PartialSumWidth.Bytes(arch, SimMode.Default),
            arch.Dram.BandwidthBytesPerCycle,
            new DataSpaceValues(fill + preload, fill + preload, fill),
            LoopNestEnergy.From(CostResolver.Resolve(arch)),
            arch.Tile switch
            {
                SystolicSpec => SpatialLayouts.Systolic,
                Cube3DSpec => SpatialLayouts.Cube,
                AdderTreeSpec => SpatialLayouts.AdderTree,
                Matrix2DSpec => SpatialLayouts.Matrix2D,
                _ => throw new NotSupportedException($"tile kind '{arch.Tile.Kind}' has no loop-nest layouts"),
            });
    }

    /// <summary>The tile kinds with spatial layouts (a PE array to unroll loops onto), as <see cref="FromArch"/> builds them.</summary>
    public static IReadOnlyList<string> Kinds { get; } =
        [SystolicSpec.KindName, Cube3DSpec.KindName, AdderTreeSpec.KindName, Matrix2DSpec.KindName];

    /// <summary>
    /// Null when <paramref name="tile"/> has a loop-nest model, otherwise why not: e.g. a calibrated tile is a measured
    /// native target's timing fit, with no PE array for a mapping to unroll onto. Commands check this up front so the
    /// user gets an input error rather than the <see cref="NotSupportedException"/> of <see cref="FromArch"/>.
    /// </summary>
    public static string? Problem(TileSpec tile)
    {
        ArgumentNullException.ThrowIfNull(tile);
        return Kinds.Contains(tile.Kind, StringComparer.Ordinal)
            ? null
            : $"the {tile.Kind} tile kind has no loop-nest model (no PE array to map loops onto): it needs an accelerator tile ({string.Join(", ", Kinds)})";
    }
}
