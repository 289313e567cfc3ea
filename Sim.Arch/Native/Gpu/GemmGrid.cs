namespace Sim.Arch.Native.Gpu;

/// <summary>
/// The launch grid of the tiled GEMM kernels: one 16×16 thread group per output tile, ⌈M/16⌉ row tiles by ⌈N/16⌉
/// column tiles. CUDA allows 2³¹ − 1 groups on X but only 65535 on Y, so the larger tile count goes on X (a tall
/// M = 2²¹, N = 16 GEMM needs 131072 row tiles); the kernels ask <see cref="RowTilesOnX"/> which way round it is.
/// </summary>
public static class GemmGrid
{
    public const int Tile = 16;

    /// <summary>CUDA's limit on a grid's Y dimension.</summary>
    public const int MaxY = 65535;

    public static int Tiles(int extent) => (extent + Tile - 1) / Tile;

    /// <summary>True when the row tiles (M) outnumber the column tiles (N) and so index the grid's X.</summary>
    public static bool RowTilesOnX(int m, int n) => Tiles(m) > Tiles(n);

    /// <summary>The grid (X, Y) in thread groups; ArgumentException when even the smaller tile count exceeds <see cref="MaxY"/>.</summary>
    public static (int X, int Y) For(int m, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var (rows, cols) = (Tiles(m), Tiles(n));
        var (x, y) = RowTilesOnX(m, n) ? (rows, cols) : (cols, rows);
        if (y > MaxY)
            throw new ArgumentException($"a {m}×{n} output needs a {x}×{y} grid of {Tile}×{Tile} tiles; CUDA allows at most {MaxY} on the shorter side");
        return (x, y);
    }
}
