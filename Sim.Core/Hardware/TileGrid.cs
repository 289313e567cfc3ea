namespace Sim.Core.Hardware;

/// <summary>
/// A tile kind's compute units described uniformly for tables and CSV columns: the 2D grid its dataflow maps two GEMM
/// dims onto, the depth of the third (a cube's K; 1 otherwise), and the dataflow that grid implies
/// (cube, 2D matrix and a calibrated native target: output stationary; adder tree: weight stationary, rows = tree width ← K, cols = lanes ← N).
/// </summary>
public readonly record struct TileGrid(int Rows, int Cols, int Depth, Dataflow Dataflow, string Label)
{
    public static TileGrid Of(TileSpec tile) => tile switch
    {
        SystolicSpec s => new(s.Rows, s.Cols, 1, s.Dataflow, $"systolic-{s.Rows}x{s.Cols}-{s.Dataflow.ToName()}"),
        Cube3DSpec c => new(c.M, c.N, c.K, Dataflow.Os, $"cube-{c.M}x{c.K}x{c.N}"),
        AdderTreeSpec a => new(a.TreeWidth, a.Lanes, 1, Dataflow.Ws, $"addertree-{a.Lanes}x{a.TreeWidth}"),
        Matrix2DSpec m => new(m.Rows, m.Cols, 1, Dataflow.Os, $"matrix2d-{m.Rows}x{m.Cols}"),
        // Units × lanes; a register tile accumulates C in place (output stationary). The label carries every fitted
        // number, so a recalibrated tile gets new sweep point ids.
        CalibratedTileSpec c => new(c.Units, c.MacsPerCyclePerUnit, 1, Dataflow.Os, string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"calibrated-{c.Units}x{c.MacsPerCyclePerUnit}-t{c.TileM}x{c.TileN}-b{c.BlockM}x{c.BlockN}x{c.BlockK}-e{c.Efficiency:R}-o{c.TileOverheadCycles:R}-l{c.LaunchCycles:R}-p{c.BPackCyclesPerByte:R}")),
        null => throw new ArgumentNullException(nameof(tile)),
        _ => throw new NotSupportedException($"tile kind '{tile.Kind}' has no grid description"),
    };
}
