using System.Numerics;
using Sim.Arch.Folding;
using Sim.Core.Hardware;
using Sim.Core.Workloads;

namespace Sim.Arch.AdderTree;

/// <summary>
/// Functional execution of Z = A·B (row-major) in the engine's order: column folds (N) outer, K folds inner; each fold
/// loads the T weights of each of its c active lanes (idle lanes keep the previous fold's weights, as the hardware
/// loads only active lanes), then streams the input vectors A[m, k0..k0+T] for m = 0…M−1. Every lane multiplies its
/// T pairs and sums them with its binary adder tree (idle leaves hold zero, as the hardware zero-pads a partial K fold);
/// the c active lanes add their sums into Z[m, n0+lane] in the ofmap buffer, idle lanes' sums are discarded. fp32 results therefore round in the
/// hardware's order: a pairwise tree per K fold, then sequential accumulation across K folds — not the reference loop's.
/// </summary>
public static class AdderTreeExecutor
{
    public static float[] RunFp32(AdderTreeSpec spec, float[] a, float[] b, int m, int n, int k) =>
        Run<float>(spec, a, b, m, n, k);

    /// <summary>int8 operands, int32 accumulation (exact).</summary>
    public static int[] RunInt8(AdderTreeSpec spec, sbyte[] a, sbyte[] b, int m, int n, int k) =>
        Run(spec, GemmOperands.Widen(a), GemmOperands.Widen(b), m, n, k);

    public static T[] Run<T>(AdderTreeSpec spec, T[] a, T[] b, int m, int n, int k)
        where T : INumber<T>
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Lanes <= 0 || spec.TreeWidth <= 0)
            throw new ArgumentException($"lanes and tree width must be positive ({spec})", nameof(spec));
        GemmOperands.Check(a, b, m, n, k);

        int lanes = spec.Lanes, width = spec.TreeWidth;
        var z = new T[m * n];
        Array.Fill(z, T.Zero);
        var g = AdderTreeModel.Geometry(new GemmShape(m, n, k), spec);
        var weights = new T[lanes, width];
        var input = new T[width];
        var leaves = new T[width];
        for (long colFold = 0; colFold < g.ColFolds; colFold++)
        {
            for (long rowFold = 0; rowFold < g.RowFolds; rowFold++)
            {
                int k0 = (int)(rowFold * width), n0 = (int)(colFold * lanes);
                int rows = g.ActiveRows(rowFold), cols = g.ActiveCols(colFold);
                // Weight load: active lane j gets B[k0.., n0+j], zero past the fold's K rows; idle lanes are not loaded.
                for (var j = 0; j < cols; j++)
                {
                    for (var i = 0; i < width; i++)
                        weights[j, i] = i < rows ? b[(k0 + i) * n + n0 + j] : T.Zero;
                }

                for (var item = 0; item < m; item++)
                {
                    // One broadcast input vector per cycle, zero-padded past the fold's K rows.
                    for (var i = 0; i < width; i++)
                        input[i] = i < rows ? a[item * k + k0 + i] : T.Zero;

                    for (var j = 0; j < lanes; j++)
                    {
                        for (var i = 0; i < width; i++)
                            leaves[i] = input[i] * weights[j, i];
                        var laneSum = BinaryAdderTree.Sum(leaves);
                        if (j < cols)
                            z[item * n + n0 + j] += laneSum; // write enable: active lanes only
                    }
                }
            }
        }

        return z;
    }
}
