using System.Numerics;
using Sim.Arch.Folding;
using Sim.Core.Hardware;

namespace Sim.Arch.Systolic;

/// <summary>
/// Functional execution at register level: computes Z = A·B (row-major) by clocking the array fold by fold, in the
/// dataflow's fold order. Operands enter the left and top edges skewed by one cycle per row/column and move one PE
/// per cycle; each PE multiplies what it holds and accumulates where the dataflow accumulates — in the PE for OS,
/// in a partial sum passed down the column for WS/IS (added into the ofmap buffer when it leaves the bottom row).
/// Values travel with the index of the output they belong to, and a PE that ever sees mismatched operands throws:
/// the skew schedule is checked, not assumed. fp32 results round in the hardware's order, not the reference loop's.
/// Only a fold's active PEs are clocked (idle PEs change no value).
/// </summary>
public static class SystolicExecutor
{
    public static float[] RunFp32(SystolicSpec spec, float[] a, float[] b, int m, int n, int k) =>
        Run<float>(spec, a, b, m, n, k);

    /// <summary>int8 operands, int32 accumulation (exact).</summary>
    public static int[] RunInt8(SystolicSpec spec, sbyte[] a, sbyte[] b, int m, int n, int k) =>
        Run(spec, GemmOperands.Widen(a), GemmOperands.Widen(b), m, n, k);

    public static T[] Run<T>(SystolicSpec spec, T[] a, T[] b, int m, int n, int k)
        where T : INumber<T>
    {
        ArgumentNullException.ThrowIfNull(spec);
        GemmOperands.Check(a, b, m, n, k);

        var z = new T[m * n];
        Array.Fill(z, T.Zero);
        var g = FoldGeometry.Of(new(m, n, k), spec);
        for (long colFold = 0; colFold < g.ColFolds; colFold++)
        {
            for (long rowFold = 0; rowFold < g.RowFolds; rowFold++)
            {
                int row0 = (int)(rowFold * spec.Rows), col0 = (int)(colFold * spec.Cols);
                int rows = g.ActiveRows(rowFold), cols = g.ActiveCols(colFold);
                switch (spec.Dataflow)
                {
                    case Dataflow.Os:
                        OutputStationaryFold(rows, cols, k,
                            left: (i, p) => a[(row0 + i) * k + p],
                            top: (j, p) => b[p * n + col0 + j],
                            done: (i, j, value) => z[(row0 + i) * n + col0 + j] = value);
                        break;
                    case Dataflow.Ws:
                        // PE(i, j) holds B[row0+i, col0+j]; ifmap row `item` streams in; outputs Z[item, col0+j].
                        PartialSumFold(rows, cols, m,
                            stationary: (i, j) => b[(row0 + i) * n + col0 + j],
                            left: (i, item) => a[item * k + row0 + i],
                            leave: (item, j, psum) => z[item * n + col0 + j] += psum);
                        break;
                    case Dataflow.Is:
                        // PE(i, j) holds A[col0+j, row0+i]; filter column `item` streams in; outputs Z[col0+j, item].
                        PartialSumFold(rows, cols, n,
                            stationary: (i, j) => a[(col0 + j) * k + row0 + i],
                            left: (i, item) => b[(row0 + i) * n + item],
                            leave: (item, j, psum) => z[(col0 + j) * n + item] += psum);
                        break;
                }
            }
        }

        return z;
    }

    /// <summary>
    /// OS: row i receives its ifmap row from the left and column j its filter column from the top, both skewed; PE (i, j)
    /// accumulates the K products of output (i, j) in order and holds the result when the fold ends.
    /// </summary>
    private static void OutputStationaryFold<T>(int rows, int cols, int k, Func<int, int, T> left, Func<int, int, T> top, Action<int, int, T> done)
        where T : INumber<T>
    {
        var aValue = new T[rows, cols];
        var bValue = new T[rows, cols];
        var aIndex = new int[rows, cols]; // which k the value belongs to; -1 = empty
        var bIndex = new int[rows, cols];
        var acc = new T[rows, cols];
        Fill(aIndex, -1);
        Fill(bIndex, -1);
        Fill(acc, T.Zero);
        for (var t = 0; t < k + rows + cols - 2; t++)
        {
            // Bottom-right first, so every PE reads its neighbour's value from the previous cycle.
            for (var i = rows - 1; i >= 0; i--)
            {
                for (var j = cols - 1; j >= 0; j--)
                {
                    var (av, ai) = j == 0 ? Edge(t - i, k, p => left(i, p)) : (aValue[i, j - 1], aIndex[i, j - 1]);
                    var (bv, bi) = i == 0 ? Edge(t - j, k, p => top(j, p)) : (bValue[i - 1, j], bIndex[i - 1, j]);
                    (aValue[i, j], aIndex[i, j], bValue[i, j], bIndex[i, j]) = (av, ai, bv, bi);
                    if (ai < 0 && bi < 0) continue;
                    if (ai != bi)
                        throw new InvalidOperationException($"OS schedule broken at PE ({i},{j}), cycle {t}: ifmap k={ai} meets filter k={bi}");
                    acc[i, j] += av * bv;
                }
            }
        }

        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < cols; j++)
                done(i, j, acc[i, j]);
        }
    }

    /// <summary>
    /// WS/IS: the stationary tile is shifted in from the top (one row per cycle), then item after item streams in from
    /// the left, skewed by row; each PE adds its product to the partial sum arriving from above and passes it down.
    /// A partial sum leaving the bottom row is the fold's contribution to one output, added into the ofmap buffer.
    /// </summary>
    private static void PartialSumFold<T>(int rows, int cols, int items, Func<int, int, T> stationary, Func<int, int, T> left, Action<int, int, T> leave)
        where T : INumber<T>
    {
        var held = new T[rows, cols];
        for (var shift = 0; shift < rows; shift++)
        {
            // Preload: after `shift + 1` cycles the top shift+1 rows hold the bottom-most tile rows entered so far.
            for (var i = Math.Min(shift, rows - 1); i > 0; i--)
            {
                for (var j = 0; j < cols; j++)
                    held[i, j] = held[i - 1, j];
            }

            for (var j = 0; j < cols; j++)
                held[0, j] = stationary(rows - 1 - shift, j);
        }

        var xValue = new T[rows, cols];
        var xItem = new int[rows, cols];
        var psum = new T[rows, cols];
        var psumItem = new int[rows, cols];
        Fill(xItem, -1);
        Fill(psumItem, -1);
        for (var s = 0; s < items + rows + cols - 2; s++)
        {
            for (var i = rows - 1; i >= 0; i--)
            {
                for (var j = cols - 1; j >= 0; j--)
                {
                    var (xv, xi) = j == 0 ? Edge(s - i, items, item => left(i, item)) : (xValue[i, j - 1], xItem[i, j - 1]);
                    var (pv, pi) = i == 0 ? (T.Zero, xi) : (psum[i - 1, j], psumItem[i - 1, j]);
                    (xValue[i, j], xItem[i, j]) = (xv, xi);
                    if (xi < 0)
                    {
                        if (pi >= 0 && i > 0)
                            throw new InvalidOperationException($"partial-sum schedule broken at PE ({i},{j}), cycle {s}: partial sum {pi} arrives with no input");
                        psumItem[i, j] = -1;
                        continue;
                    }

                    if (pi != xi)
                        throw new InvalidOperationException($"partial-sum schedule broken at PE ({i},{j}), cycle {s}: input {xi} meets partial sum {pi}");
                    (psum[i, j], psumItem[i, j]) = (pv + xv * held[i, j], xi);
                    if (i == rows - 1)
                        leave(xi, j, psum[i, j]);
                }
            }
        }
    }

    /// <summary>The value entering an edge PE this cycle: element <paramref name="index"/> if it exists, else empty.</summary>
    private static (T Value, int Index) Edge<T>(int index, int length, Func<int, T> read)
        where T : INumber<T> =>
        index >= 0 && index < length ? (read(index), index) : (T.Zero, -1);

    private static void Fill<T>(T[,] array, T value)
    {
        for (var i = 0; i < array.GetLength(0); i++)
        {
            for (var j = 0; j < array.GetLength(1); j++)
                array[i, j] = value;
        }
    }
}
