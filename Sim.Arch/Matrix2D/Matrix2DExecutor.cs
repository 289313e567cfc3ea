using System.Numerics;
using Sim.Arch.Folding;
using Sim.Core.Hardware;

namespace Sim.Arch.Matrix2D;

/// <summary>
/// Functional execution at register level: computes Z = A·B (row-major) by clocking the broadcast matrix on the
/// schedule <see cref="Matrix2DModel"/> assumes — fold f issues its step p in cycle S_f + p, where S_0 = 0 and
/// S_{f+1} = S_f + max(K, r_f) with r_f fold f's active rows, folds column-fold-major. Each cycle, in reverse pipeline
/// order: the shadow accumulators drain one of the fold's active rows (row select, top row first) into Z; the operand
/// registers' A column and B row (broadcast) are multiplied and added in place by every active PE; a fold whose K
/// steps are done is handed to the shadow; the next step's operands are latched. The overlap rule is
/// checked, not assumed: a MAC into accumulators that still hold an earlier fold, or a handover into a shadow still
/// draining, throws. Each PE adds its products in step order p = 0…K−1, product and sum each rounded to
/// <typeparamref name="T"/> (no fused multiply-add), so fp32 results round in the hardware's order.
/// </summary>
public static class Matrix2DExecutor
{
    public static float[] RunFp32(Matrix2DSpec spec, float[] a, float[] b, int m, int n, int k) =>
        Run<float>(spec, a, b, m, n, k);

    /// <summary>int8 operands, int32 accumulation (exact).</summary>
    public static int[] RunInt8(Matrix2DSpec spec, sbyte[] a, sbyte[] b, int m, int n, int k) =>
        Run(spec, GemmOperands.Widen(a), GemmOperands.Widen(b), m, n, k);

    public static T[] Run<T>(Matrix2DSpec spec, T[] a, T[] b, int m, int n, int k)
        where T : INumber<T>
    {
        ArgumentNullException.ThrowIfNull(spec);
        GemmOperands.Check(a, b, m, n, k);

        var z = new T[m * n];
        Array.Fill(z, T.Zero);
        var g = Matrix2DModel.Geometry(new(m, n, k), spec);
        int gridRows = spec.Rows, gridCols = spec.Cols;

        // Fold f → its tile origin and active extent, column folds outer.
        (int Row0, int Col0, int Rows, int Cols) Tile(long f)
        {
            long cf = f / g.RowFolds, rf = f % g.RowFolds;
            return ((int)(rf * gridRows), (int)(cf * gridCols), g.ActiveRows(rf), g.ActiveCols(cf));
        }

        var aReg = new T[gridRows];
        var bReg = new T[gridCols];
        var acc = new T[gridRows, gridCols];
        var shadow = new T[gridRows, gridCols];
        long regFold = -1, accFold = -1, shadowFold = -1;
        int regStep = -1, accSteps = 0, shadowRow = 0;
        long issueFold = 0, issueStart = 0; // the fold whose steps issue now, and its start cycle S_f
        for (long t = 0; issueFold < g.Folds || regFold >= 0 || accFold >= 0 || shadowFold >= 0; t++)
        {
            if (shadowFold >= 0)
            {
                // One active row leaves per cycle; idle rows of a partial row fold are never selected.
                var (row0, col0, rows, cols) = Tile(shadowFold);
                for (var j = 0; j < cols; j++)
                    z[(row0 + shadowRow) * n + col0 + j] = shadow[shadowRow, j];
                if (++shadowRow == rows) shadowFold = -1;
            }

            if (regFold >= 0)
            {
                if (accFold >= 0 && accFold != regFold)
                    throw new InvalidOperationException($"schedule broken at cycle {t}: fold {regFold} meets accumulators still holding fold {accFold}");
                if (accFold < 0)
                    (accFold, accSteps) = (regFold, 0);
                if (regStep != accSteps)
                    throw new InvalidOperationException($"schedule broken at cycle {t}: step {regStep} arrives after {accSteps} steps");
                var (_, _, rows, cols) = Tile(regFold);
                for (var i = 0; i < rows; i++)
                {
                    for (var j = 0; j < cols; j++)
                        acc[i, j] += aReg[i] * bReg[j];
                }

                accSteps++;
                regFold = -1;
            }

            if (accFold >= 0 && accSteps == k)
            {
                if (shadowFold >= 0)
                    throw new InvalidOperationException($"schedule broken at cycle {t}: fold {accFold} done while the shadow still drains fold {shadowFold}");
                (shadowFold, shadowRow, accFold) = (accFold, 0, -1);
                for (var i = 0; i < gridRows; i++)
                {
                    for (var j = 0; j < gridCols; j++)
                        (shadow[i, j], acc[i, j]) = (acc[i, j], T.Zero);
                }
            }

            if (issueFold < g.Folds)
            {
                var step = t - issueStart;
                var (row0, col0, rows, cols) = Tile(issueFold);
                if (step < k)
                {
                    // Broadcast buses: column `step` of the A tile along the rows, row `step` of the B tile down the columns.
                    for (var i = 0; i < rows; i++)
                        aReg[i] = a[(row0 + i) * k + step];
                    for (var j = 0; j < cols; j++)
                        bReg[j] = b[step * n + col0 + j];
                    (regFold, regStep) = (issueFold, (int)step);
                }

                var period = Matrix2DModel.FoldPeriodCycles(g, rows);
                if (step == period - 1)
                    (issueFold, issueStart) = (issueFold + 1, issueStart + period);
            }
        }

        return z;
    }
}
