using Sim.Core.Sparse;

namespace Sim.Arch.Sparse;

/// <summary>
/// Row-wise (Gustavson) in its own order: for each output row i, for each A[i,k] in column order, scale B's row k
/// and merge it into the row's accumulator — a hash table (SMASH), a dense SPA with an occupied list (both sorted
/// on drain), or a radix-R merge tree (Gamma) that merges the row's fibers R at a time until one remains.
/// </summary>
public static class RowWiseExecutor
{
    public static CsrMatrix Execute(SpGemm gemm, SpGemmMerge merge, int mergerRadix = 64)
    {
        ArgumentNullException.ThrowIfNull(gemm);
        ArgumentOutOfRangeException.ThrowIfLessThan(mergerRadix, 2);
        var pointers = new int[gemm.M + 1];
        var columns = new List<int>();
        var values = new List<double>();
        var table = new Dictionary<int, double>();
        var spa = merge == SpGemmMerge.Dense ? new double[gemm.N] : [];
        var occupied = merge == SpGemmMerge.Dense ? new bool[gemm.N] : [];
        var touched = new List<int>();

        for (var i = 0; i < gemm.M; i++)
        {
            switch (merge)
            {
                case SpGemmMerge.Hash:
                    HashRow(gemm, i, table, columns, values);
                    break;
                case SpGemmMerge.Dense:
                    DenseRow(gemm, i, spa, occupied, touched, columns, values);
                    break;
                default:
                    MergerRow(gemm, i, mergerRadix, columns, values);
                    break;
            }

            pointers[i + 1] = columns.Count;
        }

        return new CsrMatrix(gemm.M, gemm.N, pointers, [.. columns], [.. values]);
    }

    private static void HashRow(SpGemm gemm, int i, Dictionary<int, double> table, List<int> columns, List<double> values)
    {
        table.Clear();
        var aColumns = gemm.A.RowColumns(i);
        var aValues = gemm.A.RowValues(i);
        for (var p = 0; p < aColumns.Length; p++)
        {
            var bColumns = gemm.B.RowColumns(aColumns[p]);
            var bValues = gemm.B.RowValues(aColumns[p]);
            for (var q = 0; q < bColumns.Length; q++)
            {
                table.TryGetValue(bColumns[q], out var sum);
                table[bColumns[q]] = sum + aValues[p] * bValues[q];
            }
        }

        foreach (var j in table.Keys.Order())
        {
            columns.Add(j);
            values.Add(table[j]);
        }
    }

    private static void DenseRow(SpGemm gemm, int i, double[] spa, bool[] occupied, List<int> touched, List<int> columns, List<double> values)
    {
        touched.Clear();
        var aColumns = gemm.A.RowColumns(i);
        var aValues = gemm.A.RowValues(i);
        for (var p = 0; p < aColumns.Length; p++)
        {
            var bColumns = gemm.B.RowColumns(aColumns[p]);
            var bValues = gemm.B.RowValues(aColumns[p]);
            for (var q = 0; q < bColumns.Length; q++)
            {
                var j = bColumns[q];
                if (!occupied[j])
                {
                    occupied[j] = true;
                    spa[j] = 0;
                    touched.Add(j);
                }

                spa[j] += aValues[p] * bValues[q];
            }
        }

        touched.Sort();
        foreach (var j in touched)
        {
            columns.Add(j);
            values.Add(spa[j]);
            occupied[j] = false;
        }
    }

    private static void MergerRow(SpGemm gemm, int i, int radix, List<int> columns, List<double> values)
    {
        var aColumns = gemm.A.RowColumns(i);
        var aValues = gemm.A.RowValues(i);
        var fibers = new List<(int[] Columns, double[] Values)>();
        for (var p = 0; p < aColumns.Length; p++)
        {
            var bColumns = gemm.B.RowColumns(aColumns[p]);
            if (bColumns.Length == 0)
                continue;
            var scale = aValues[p];
            fibers.Add((bColumns.ToArray(), gemm.B.RowValues(aColumns[p]).ToArray().Select(v => scale * v).ToArray()));
        }

        while (fibers.Count > 1)
            fibers = fibers.Chunk(radix).Select(MergeGroup).ToList();
        if (fibers.Count == 1)
        {
            columns.AddRange(fibers[0].Columns);
            values.AddRange(fibers[0].Values);
        }
    }

    /// <summary>One radix-R merger pass over up to R sorted fibers: equal columns are added, in fiber order.</summary>
    private static (int[] Columns, double[] Values) MergeGroup((int[] Columns, double[] Values)[] group)
    {
        var heads = new PriorityQueue<int, (int Column, int Fiber)>();
        var position = new int[group.Length];
        for (var f = 0; f < group.Length; f++)
            heads.Enqueue(f, (group[f].Columns[0], f));
        var columns = new List<int>();
        var values = new List<double>();
        while (heads.TryDequeue(out var f, out var key))
        {
            var value = group[f].Values[position[f]];
            if (columns.Count > 0 && columns[^1] == key.Column)
                values[^1] += value;
            else
            {
                columns.Add(key.Column);
                values.Add(value);
            }

            if (++position[f] < group[f].Columns.Length)
                heads.Enqueue(f, (group[f].Columns[position[f]], f));
        }

        return ([.. columns], [.. values]);
    }
}
