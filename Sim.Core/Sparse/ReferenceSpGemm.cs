namespace Sim.Core.Sparse;

/// <summary>
/// The naive, obviously correct C = A·B oracle: for each row i, for each A[i,k] in column order, add A[i,k]·B[k,j]
/// into a sorted dictionary keyed by j. Every position that receives at least one product is a structural entry
/// of C, even if the values cancel to zero (the counts in workloads/matrices/SOURCES.md are structural).
/// </summary>
public static class ReferenceSpGemm
{
    /// <exception cref="ArgumentException">A.Cols ≠ B.Rows.</exception>
    public static CsrMatrix Multiply(CsrMatrix a, CsrMatrix b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Cols != b.Rows)
            throw new ArgumentException($"A is {a.Rows}×{a.Cols} but B is {b.Rows}×{b.Cols}: inner dimensions differ", nameof(b));

        var pointers = new int[a.Rows + 1];
        var columns = new List<int>();
        var values = new List<double>();
        for (var i = 0; i < a.Rows; i++)
        {
            var row = new SortedDictionary<int, double>();
            var aColumns = a.RowColumns(i);
            var aValues = a.RowValues(i);
            for (var p = 0; p < aColumns.Length; p++)
            {
                var k = aColumns[p];
                var bColumns = b.RowColumns(k);
                var bValues = b.RowValues(k);
                for (var q = 0; q < bColumns.Length; q++)
                {
                    row.TryGetValue(bColumns[q], out var sum);
                    row[bColumns[q]] = sum + aValues[p] * bValues[q];
                }
            }

            foreach (var (j, v) in row)
            {
                columns.Add(j);
                values.Add(v);
            }

            pointers[i + 1] = columns.Count;
        }

        return new CsrMatrix(a.Rows, b.Cols, pointers, [.. columns], [.. values]);
    }
}
