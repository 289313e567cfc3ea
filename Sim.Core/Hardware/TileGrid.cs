namespace Sim.Core.Hardware;

/// <summary>
/// A tile kind's compute units described uniformly for tables and CSV columns: the 2D grid its dataflow maps two GEMM
/// dims onto, the depth of the third (a cube's K; 1 otherwise), and the dataflow that grid implies
/// (cube and 2D matrix: output stationary; adder tree: weight stationary, rows = tree width ← K, cols = lanes ← N).
/// </summary>
public readonly record struct TileGrid(int Rows, int Cols, int Depth, Dataflow Dataflow, string Label)
{
    public static TileGrid Of(TileSpec tile) => tile switch
    {
        SystolicSpec s => new(s.Rows, s.Cols, 1, s.Dataflow, $"systolic-{s.Rows}x{s.Cols}-{s.Dataflow.ToName()}"),
        Cube3DSpec c => new(c.M, c.N, c.K, Dataflow.Os, $"cube-{c.M}x{c.K}x{c.N}"),
        AdderTreeSpec a => new(a.TreeWidth, a.Lanes, 1, Dataflow.Ws, $"addertree-{a.Lanes}x{a.TreeWidth}"),
        Matrix2DSpec m => new(m.Rows, m.Cols, 1, Dataflow.Os, $"matrix2d-{m.Rows}x{m.Cols}"),
        null => throw new ArgumentNullException(nameof(tile)),
        _ => throw new NotSupportedException($"tile kind '{tile.Kind}' has no grid description"),
    };
}
