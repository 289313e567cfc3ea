using ILGPU;
using ILGPU.Runtime;

namespace Sim.Arch.Native.Gpu;

/// <summary>
/// fp32 GEMM Z[M,N] = A[M,K]·B[K,N] (row-major), one <see cref="Tile"/>×<see cref="Tile"/> thread group per output tile
/// (the grid: <see cref="GemmGrid"/>).
/// Each group walks K in <see cref="Tile"/>-deep steps: it stages an A tile and a B tile in shared memory (one element
/// per thread, zero outside the matrix so any M, N, K works), synchronises, and every thread accumulates its own output
/// element from the two tiles. A and B are thus read from global memory once per tile row/column instead of once per MAC.
/// </summary>
internal static class GemmF32Kernel
{
    public const int Tile = GemmGrid.Tile;

    /// <summary>The launch of an M×N output (<see cref="GemmGrid.For"/>), shared by the int8 kernel.</summary>
    public static KernelConfig Config(int m, int n)
    {
        var (x, y) = GemmGrid.For(m, n);
        return new(new Index2D(x, y), new Index2D(Tile, Tile));
    }

    public static void Run(ArrayView<float> a, ArrayView<float> b, ArrayView<float> z, int m, int n, int k)
    {
        var tileA = SharedMemory.Allocate2D<float, Stride2D.DenseX>(new Index2D(Tile, Tile), new Stride2D.DenseX(Tile));
        var tileB = SharedMemory.Allocate2D<float, Stride2D.DenseX>(new Index2D(Tile, Tile), new Stride2D.DenseX(Tile));
        int tx = Group.IdxX, ty = Group.IdxY;
        var rowTilesOnX = GemmGrid.RowTilesOnX(m, n); // see GemmGrid: the larger tile count is on X
        var row = (rowTilesOnX ? Grid.IdxX : Grid.IdxY) * Tile + ty;
        var col = (rowTilesOnX ? Grid.IdxY : Grid.IdxX) * Tile + tx;
        var acc = 0f;
        for (var k0 = 0; k0 < k; k0 += Tile)
        {
            var ak = k0 + tx;
            var bk = k0 + ty;
            tileA[tx, ty] = row < m && ak < k ? a[(long)row * k + ak] : 0f;
            tileB[tx, ty] = bk < k && col < n ? b[(long)bk * n + col] : 0f;
            Group.Barrier();
            for (var p = 0; p < Tile; p++)
                acc += tileA[p, ty] * tileB[tx, p];
            Group.Barrier();
        }

        if (row < m && col < n)
            z[(long)row * n + col] = acc;
    }
}
