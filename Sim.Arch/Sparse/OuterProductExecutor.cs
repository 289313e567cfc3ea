using Sim.Core.Sparse;

namespace Sim.Arch.Sparse;

/// <summary>
/// Outer product in its own order. Multiply phase: for k = 0..K−1, column k of A (CSC) times row k of B makes a
/// rank-1 partial matrix; its row i (A[i,k]·B[k,:], sorted by j) is appended to output row i's list of partial
/// fibers. Merge phase: each output row k-way merges its fibers by (column, fiber order), adding equal columns —
/// fibers were made in k order, so sums accumulate in the same order as the reference.
/// </summary>
public static class OuterProductExecutor
{
    public static CsrMatrix Execute(SpGemm gemm)
    {
        ArgumentNullException.ThrowIfNull(gemm);
        var aColumns = gemm.A.ToCsc();
        var b = gemm.B;

        // Multiply phase: partial products in generation order; each fiber is (start, length) into these arrays.
        var partialColumns = new List<int>();
        var partialValues = new List<double>();
        var fibers = new List<(int Start, int Length)>[gemm.M];
        for (var i = 0; i < gemm.M; i++)
            fibers[i] = [];
        for (var k = 0; k < gemm.K; k++)
        {
            var bRow = b.RowColumns(k);
            if (bRow.Length == 0)
                continue;
            var bValues = b.RowValues(k);
            var rows = aColumns.ColumnRows(k);
            var aValues = aColumns.ColumnValues(k);
            for (var p = 0; p < rows.Length; p++)
            {
                fibers[rows[p]].Add((partialColumns.Count, bRow.Length));
                for (var q = 0; q < bRow.Length; q++)
                {
                    partialColumns.Add(bRow[q]);
                    partialValues.Add(aValues[p] * bValues[q]);
                }
            }
        }

        // Merge phase.
        var pointers = new int[gemm.M + 1];
        var columns = new List<int>();
        var values = new List<double>();
        var heads = new PriorityQueue<int, (int Column, int Fiber)>();
        for (var i = 0; i < gemm.M; i++)
        {
            var rowFibers = fibers[i];
            var position = new int[rowFibers.Count];
            for (var f = 0; f < rowFibers.Count; f++)
                heads.Enqueue(f, (partialColumns[rowFibers[f].Start], f));
            while (heads.TryDequeue(out var f, out var key))
            {
                var value = partialValues[rowFibers[f].Start + position[f]];
                if (columns.Count > pointers[i] && columns[^1] == key.Column)
                    values[^1] += value;
                else
                {
                    columns.Add(key.Column);
                    values.Add(value);
                }

                if (++position[f] < rowFibers[f].Length)
                    heads.Enqueue(f, (partialColumns[rowFibers[f].Start + position[f]], f));
            }

            pointers[i + 1] = columns.Count;
        }

        return new CsrMatrix(gemm.M, gemm.N, pointers, [.. columns], [.. values]);
    }
}
