using ILGPU;
using ILGPU.Runtime;

namespace Sim.Arch.Native.Gpu;

/// <summary>
/// Row-wise (Gustavson) SpGEMM C = A·B on CSR operands in two passes, one thread per row of A.
/// <see cref="Symbolic"/> bounds row i's nnz by Σ nnz(B row k) over A's entries (i, k) — the multiplications it does.
/// The host turns the bounds into per-row hash tables (a power of two ≥ 2× the bound, so probes stay short) and
/// <see cref="Numeric"/> adds every product A[i,k]·B[k,j] into slot j of row i's table (open addressing, linear probing).
/// Products reach a column in the order of A's row, then B's row — the order of <c>ReferenceSpGemm</c> — so each
/// value is the same double sum, bit for bit. The host compacts the tables into sorted CSR rows.
/// </summary>
internal static class SpGemmKernel
{
    public const int EmptySlot = -1;

    public static void Symbolic(Index1D row, ArrayView<int> aPointers, ArrayView<int> aColumns, ArrayView<int> bPointers, ArrayView<int> bounds)
    {
        var bound = 0;
        for (var p = aPointers[row]; p < aPointers[row + 1]; p++)
        {
            var k = aColumns[p];
            bound += bPointers[k + 1] - bPointers[k];
        }

        bounds[row] = bound;
    }

    public static void Numeric(
        Index1D row,
        ArrayView<int> aPointers, ArrayView<int> aColumns, ArrayView<double> aValues,
        ArrayView<int> bPointers, ArrayView<int> bColumns, ArrayView<double> bValues,
        ArrayView<long> tableOffsets, ArrayView<int> slotColumns, ArrayView<double> slotValues)
    {
        var start = tableOffsets[row];
        var capacity = tableOffsets[row + 1] - start;
        for (var s = start; s < start + capacity; s++)
        {
            slotColumns[s] = EmptySlot;
            slotValues[s] = 0;
        }

        var mask = capacity - 1;
        for (var p = aPointers[row]; p < aPointers[row + 1]; p++)
        {
            var k = aColumns[p];
            var a = aValues[p];
            for (var q = bPointers[k]; q < bPointers[k + 1]; q++)
            {
                var j = bColumns[q];
                // Fibonacci hashing spreads consecutive columns; the table is never full (capacity ≥ 2 × bound).
                var slot = (long)(((uint)j * 2654435761u) & (ulong)mask);
                while (slotColumns[start + slot] != j && slotColumns[start + slot] != EmptySlot)
                    slot = (slot + 1) & mask;
                slotColumns[start + slot] = j;
                slotValues[start + slot] += a * bValues[q];
            }
        }
    }

    /// <summary>Row i's table capacity: 0 for an empty row, else the power of two ≥ 2 × its bound.</summary>
    public static long Capacity(int bound) => bound == 0 ? 0 : (long)System.Numerics.BitOperations.RoundUpToPowerOf2((ulong)bound * 2);
}
