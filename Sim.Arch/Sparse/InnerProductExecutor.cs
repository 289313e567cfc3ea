using Sim.Core.Sparse;

namespace Sim.Arch.Sparse;

/// <summary>
/// Inner product in its own order: for each output row i, for each output column j, merge-intersect A's row i with
/// B's column j (CSC) and sum the matched products in k order. When M·N exceeds <see cref="DenseIterationLimit"/>
/// (luxembourg_osm is 1.3·10¹⁰ pairs) the j loop visits only the candidate columns reachable through the structure
/// — the pairs whose intersection is non-empty — so the functional run stays feasible; the cost model still counts
/// the dense iteration in closed form.
/// </summary>
public static class InnerProductExecutor
{
    public const long DenseIterationLimit = 1L << 24;

    /// <param name="gemm">The operands.</param>
    /// <param name="denseIterationLimit">Largest M·N iterated densely (tests lower it to exercise the candidate path).</param>
    public static CsrMatrix Execute(SpGemm gemm, long denseIterationLimit = DenseIterationLimit)
    {
        ArgumentNullException.ThrowIfNull(gemm);
        var a = gemm.A;
        var b = gemm.B;
        var bColumns = b.ToCsc();
        var dense = (long)gemm.M * gemm.N <= denseIterationLimit;
        var pointers = new int[gemm.M + 1];
        var columns = new List<int>();
        var values = new List<double>();
        var candidates = new List<int>();
        var lastRow = new int[gemm.N];
        Array.Fill(lastRow, -1);

        for (var i = 0; i < gemm.M; i++)
        {
            var aRow = a.RowColumns(i);
            var aValues = a.RowValues(i);
            if (!dense)
                Candidates(a, b, i, lastRow, candidates);
            var count = dense ? gemm.N : candidates.Count;
            for (var c = 0; c < count; c++)
            {
                var j = dense ? c : candidates[c];
                if (Intersect(aRow, aValues, bColumns.ColumnRows(j), bColumns.ColumnValues(j), out var sum))
                {
                    columns.Add(j);
                    values.Add(sum);
                }
            }

            pointers[i + 1] = columns.Count;
        }

        return new CsrMatrix(gemm.M, gemm.N, pointers, [.. columns], [.. values]);
    }

    /// <summary>Two-pointer merge-intersect of sorted coordinate lists; false when no coordinate matches.</summary>
    private static bool Intersect(ReadOnlySpan<int> aK, ReadOnlySpan<double> aV, ReadOnlySpan<int> bK, ReadOnlySpan<double> bV, out double sum)
    {
        sum = 0;
        var any = false;
        int p = 0, q = 0;
        while (p < aK.Length && q < bK.Length)
        {
            if (aK[p] < bK[q])
            {
                p++;
            }
            else if (aK[p] > bK[q])
            {
                q++;
            }
            else
            {
                sum += aV[p++] * bV[q++];
                any = true;
            }
        }

        return any;
    }

    /// <summary>Sorted columns j with A[i,:]·B[:,j] structurally non-empty.</summary>
    private static void Candidates(CsrMatrix a, CsrMatrix b, int i, int[] lastRow, List<int> into)
    {
        into.Clear();
        foreach (var k in a.RowColumns(i))
        {
            foreach (var j in b.RowColumns(k))
            {
                if (lastRow[j] == i)
                    continue;
                lastRow[j] = i;
                into.Add(j);
            }
        }

        into.Sort();
    }
}
