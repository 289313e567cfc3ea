using System.Numerics;
using Sim.Arch.Folding;
using Sim.Core.Hardware;
using Sim.Core.Workloads;

namespace Sim.Arch.Cube3D;

/// <summary>
/// Functional execution of Z = A·B (row-major) in the cube's own order: folds column-fold-major, then the K steps of
/// each fold in order; within a step every active output sums its K0 products in a binary adder tree (leaves paired
/// neighbour with neighbour, level by level; lanes past K padded with zero leaves) and adds the tree's sum into its L0C
/// entry (the first step initialises it). A finished block then drains its active rows, one by one, into Z. fp32
/// therefore rounds as the hardware does: tree first, then accumulation across steps, not the reference loop's
/// sequential order.
/// </summary>
public static class Cube3DExecutor
{
    public static float[] RunFp32(Cube3DSpec spec, float[] a, float[] b, int m, int n, int k) =>
        Run<float>(spec, a, b, m, n, k);

    /// <summary>int8 operands, int32 products, tree and accumulation (exact).</summary>
    public static int[] RunInt8(Cube3DSpec spec, sbyte[] a, sbyte[] b, int m, int n, int k) =>
        Run(spec, GemmOperands.Widen(a), GemmOperands.Widen(b), m, n, k);

    public static T[] Run<T>(Cube3DSpec spec, T[] a, T[] b, int m, int n, int k)
        where T : INumber<T>
    {
        ArgumentNullException.ThrowIfNull(spec);
        GemmOperands.Check(a, b, m, n, k);

        var g = Cube3DTiming.Geometry(new GemmShape(m, n, k), spec);
        var z = new T[m * n];
        var l0c = new T[spec.M * spec.N]; // one L0C buffer: double buffering changes timing, not values
        var leaves = new T[1 << BinaryAdderTree.Levels(spec.K)];
        for (long colFold = 0; colFold < g.ColFolds; colFold++)
        {
            for (long rowFold = 0; rowFold < g.RowFolds; rowFold++)
            {
                int row0 = (int)(rowFold * spec.M), col0 = (int)(colFold * spec.N);
                int rows = g.ActiveRows(rowFold), cols = g.ActiveCols(colFold);
                for (var step = 0; step < g.StreamDim; step++)
                {
                    var k0 = step * spec.K;
                    var lanes = Math.Min(spec.K, k - k0);
                    for (var i = 0; i < rows; i++)
                    {
                        for (var j = 0; j < cols; j++)
                        {
                            for (var q = 0; q < leaves.Length; q++)
                                leaves[q] = q < lanes ? a[(row0 + i) * k + k0 + q] * b[(k0 + q) * n + col0 + j] : T.Zero;
                            var sum = BinaryAdderTree.Sum(leaves);
                            l0c[i * spec.N + j] = step == 0 ? sum : l0c[i * spec.N + j] + sum;
                        }
                    }
                }

                // Drain: row i of the block, its active columns, into Z.
                for (var i = 0; i < rows; i++)
                {
                    for (var j = 0; j < cols; j++)
                        z[(row0 + i) * n + col0 + j] = l0c[i * spec.N + j];
                }
            }
        }

        return z;
    }
}
