using System.Numerics;
using Sim.Core.Hardware;

namespace Sim.Arch.Systolic;

/// <summary>
/// Functional execution: computes Z = A·B (row-major) by walking the folds in the array's dataflow order and
/// accumulating where that dataflow accumulates — inside each PE for OS; down a column (a partial sum per fold)
/// and then into the ofmap buffer for WS/IS. fp32 results therefore round like the hardware would, not like
/// the reference loop.
/// </summary>
public static class SystolicExecutor
{
    public static float[] RunFp32(SystolicSpec spec, float[] a, float[] b, int m, int n, int k) =>
        Run<float>(spec, a, b, m, n, k);

    /// <summary>int8 operands, int32 accumulation (exact).</summary>
    public static int[] RunInt8(SystolicSpec spec, sbyte[] a, sbyte[] b, int m, int n, int k) =>
        Run(spec, Array.ConvertAll(a, x => (int)x), Array.ConvertAll(b, x => (int)x), m, n, k);

    public static T[] Run<T>(SystolicSpec spec, T[] a, T[] b, int m, int n, int k)
        where T : INumber<T>
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Length != m * k || b.Length != k * n)
            throw new ArgumentException($"operand sizes {a.Length}, {b.Length} do not match M={m} N={n} K={k}");

        var z = new T[m * n];
        Array.Fill(z, T.Zero);
        var geometry = FoldGeometry.Of(new(m, n, k), spec);
        for (long colFold = 0; colFold < geometry.ColFolds; colFold++)
        {
            for (long rowFold = 0; rowFold < geometry.RowFolds; rowFold++)
            {
                var row0 = (int)(rowFold * spec.Rows);
                var col0 = (int)(colFold * spec.Cols);
                var rows = geometry.ActiveRows(rowFold);
                var cols = geometry.ActiveCols(colFold);
                switch (spec.Dataflow)
                {
                    case Dataflow.Os:
                        OutputStationaryFold(a, b, z, n, k, row0, rows, col0, cols);
                        break;
                    case Dataflow.Ws:
                        WeightStationaryFold(a, b, z, m, n, k, row0, rows, col0, cols);
                        break;
                    case Dataflow.Is:
                        InputStationaryFold(a, b, z, n, k, row0, rows, col0, cols);
                        break;
                }
            }
        }

        return z;
    }

    /// <summary>PE (i, j) owns Z[row0+i, col0+j] and accumulates all K products as they stream past.</summary>
    private static void OutputStationaryFold<T>(T[] a, T[] b, T[] z, int n, int k, int row0, int rows, int col0, int cols)
        where T : INumber<T>
    {
        for (var i = row0; i < row0 + rows; i++)
        {
            for (var j = col0; j < col0 + cols; j++)
            {
                var acc = T.Zero;
                for (var p = 0; p < k; p++)
                    acc += a[i * k + p] * b[p * n + j];
                z[i * n + j] = acc;
            }
        }
    }

    /// <summary>
    /// B[row0.., col0..] sits in the PEs; each ifmap row m streams through; a partial sum flows down each column over
    /// the fold's K slice and is added to the ofmap buffer entry Z[m, col].
    /// </summary>
    private static void WeightStationaryFold<T>(T[] a, T[] b, T[] z, int m, int n, int k, int row0, int rows, int col0, int cols)
        where T : INumber<T>
    {
        for (var i = 0; i < m; i++)
        {
            for (var j = col0; j < col0 + cols; j++)
            {
                var psum = T.Zero;
                for (var p = row0; p < row0 + rows; p++)
                    psum += a[i * k + p] * b[p * n + j];
                z[i * n + j] += psum;
            }
        }
    }

    /// <summary>
    /// Aᵀ[row0.., col0..] sits in the PEs (column j holds ifmap row col0+j); each filter column streams through and
    /// a partial sum flows down each column over the fold's K slice into Z[col0+j, column].
    /// </summary>
    private static void InputStationaryFold<T>(T[] a, T[] b, T[] z, int n, int k, int row0, int rows, int col0, int cols)
        where T : INumber<T>
    {
        for (var c = 0; c < n; c++)
        {
            for (var i = col0; i < col0 + cols; i++)
            {
                var psum = T.Zero;
                for (var p = row0; p < row0 + rows; p++)
                    psum += a[i * k + p] * b[p * n + c];
                z[i * n + c] += psum;
            }
        }
    }
}
