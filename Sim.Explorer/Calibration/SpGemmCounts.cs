using Sim.Core.Sparse;

namespace Sim.Explorer.Calibration;

/// <summary>The work of C = A·B in CSR: multiplications F = Σ over A's entries (i,k) of nnz(B[k,:]), nnz(C), and A's rows.</summary>
public sealed record SpGemmCounts(long Multiplications, long OutputNnz, long Rows)
{
    /// <summary>Counted symbolically (Gustavson with a marker array): no values, so it is exact and cheap.</summary>
    public static SpGemmCounts Of(CsrMatrix a, CsrMatrix b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var marker = new int[b.Cols];
        Array.Fill(marker, -1);
        long multiplications = 0, outputNnz = 0;
        for (int i = 0; i < a.Rows; i++)
        {
            foreach (var k in a.RowColumns(i))
            {
                multiplications += b.RowNnz(k);
                foreach (var j in b.RowColumns(k))
                {
                    if (marker[j] == i)
                        continue;
                    marker[j] = i;
                    outputNnz++;
                }
            }
        }

        return new SpGemmCounts(multiplications, outputNnz, a.Rows);
    }
}
