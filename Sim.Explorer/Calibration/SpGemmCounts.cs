using Sim.Core.Sparse;

namespace Sim.Explorer.Calibration;

/// <summary>
/// The work of C = A·B in CSR: multiplications F = Σ over A's entries (i,k) of nnz(B[k,:]), nnz(C), A's rows, and the
/// comparisons of sorting each output row's columns, Σ_i n_i·log2(n_i) with n_i = nnz(C[i,:]) (Gustavson kernels
/// collect a row's touched columns unordered and sort them when the row is emitted).
/// </summary>
public sealed record SpGemmCounts(long Multiplications, long OutputNnz, long Rows, double SortComparisons)
{
    /// <summary>Counted symbolically (Gustavson with a marker array): no values, so it is exact and cheap.</summary>
    public static SpGemmCounts Of(CsrMatrix a, CsrMatrix b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var marker = new int[b.Cols];
        Array.Fill(marker, -1);
        long multiplications = 0, outputNnz = 0;
        double sort = 0;
        for (int i = 0; i < a.Rows; i++)
        {
            long rowNnz = 0;
            foreach (var k in a.RowColumns(i))
            {
                multiplications += b.RowNnz(k);
                foreach (var j in b.RowColumns(k))
                {
                    if (marker[j] == i)
                        continue;
                    marker[j] = i;
                    rowNnz++;
                }
            }

            outputNnz += rowNnz;
            if (rowNnz > 1)
                sort += rowNnz * Math.Log2(rowNnz);
        }

        return new SpGemmCounts(multiplications, outputNnz, a.Rows, sort);
    }
}
