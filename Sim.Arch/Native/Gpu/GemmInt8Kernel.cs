using ILGPU;
using ILGPU.Runtime;

namespace Sim.Arch.Native.Gpu;

/// <summary>
/// int8 GEMM Z[M,N] = A[M,K]·B[K,N] (row-major) accumulated exactly in int32: |a·b| ≤ 128² = 2¹⁴, so K ≤
/// <see cref="MaxK"/> = 2¹⁷ − 1 cannot overflow (at K = 2¹⁷ all-(−128) operands sum to 2³¹, one past int.MaxValue;
/// the run's constructor rejects that),
/// with the same tiling as <see cref="GemmF32Kernel"/>: one <see cref="Tile"/>×<see cref="Tile"/> thread group per output tile.
/// Each group walks K in <see cref="Tile"/>-deep steps: it stages an A tile and a B tile in shared memory (one element
/// per thread, zero outside the matrix so any M, N, K works), synchronises, and every thread accumulates its own output
/// element from the two tiles. A and B are thus read from global memory once per tile row/column instead of once per MAC.
/// </summary>
internal static class GemmInt8Kernel
{
    public const int Tile = GemmF32Kernel.Tile;

    /// <summary>The largest exact K: ⌊(2³¹ − 1)/128²⌋ = 2¹⁷ − 1 (as the CPU's <c>CpuGemmInt8Run.MaxK</c>).</summary>
    public const int MaxK = (1 << 17) - 1;

    public static void Run(ArrayView<sbyte> a, ArrayView<sbyte> b, ArrayView<int> z, int m, int n, int k)
    {
        var tileA = SharedMemory.Allocate2D<int, Stride2D.DenseX>(new Index2D(Tile, Tile), new Stride2D.DenseX(Tile));
        var tileB = SharedMemory.Allocate2D<int, Stride2D.DenseX>(new Index2D(Tile, Tile), new Stride2D.DenseX(Tile));
        int tx = Group.IdxX, ty = Group.IdxY;
        var rowTilesOnX = GemmGrid.RowTilesOnX(m, n); // see GemmGrid: the larger tile count is on X
        var row = (rowTilesOnX ? Grid.IdxX : Grid.IdxY) * Tile + ty;
        var col = (rowTilesOnX ? Grid.IdxY : Grid.IdxX) * Tile + tx;
        var acc = 0;
        for (var k0 = 0; k0 < k; k0 += Tile)
        {
            var ak = k0 + tx;
            var bk = k0 + ty;
            tileA[tx, ty] = row < m && ak < k ? a[(long)row * k + ak] : 0;
            tileB[tx, ty] = bk < k && col < n ? b[(long)bk * n + col] : 0;
            Group.Barrier();
            for (var p = 0; p < Tile; p++)
                acc += tileA[p, ty] * tileB[tx, p];
            Group.Barrier();
        }

        if (row < m && col < n)
            z[(long)row * n + col] = acc;
    }
}
