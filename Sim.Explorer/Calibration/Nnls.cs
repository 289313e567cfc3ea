using MathNet.Numerics.LinearAlgebra;

namespace Sim.Explorer.Calibration;

/// <summary>
/// Non-negative least squares, min ‖A·x − b‖² subject to x ≥ 0, by Lawson and Hanson's active-set method ("Solving
/// Least Squares Problems", 1974, ch. 23): move the variable with the largest gradient into the passive set, solve the
/// unconstrained problem on the passive set (MathNet QR), and step back toward the last feasible point whenever a
/// passive variable would go negative. Timing coefficients are costs; a negative one would mean a shape gets faster
/// by doing more work, so the fit keeps the model physical and lets the data zero a term it does not need.
/// </summary>
public static class Nnls
{
    public static Vector<double> Solve(Matrix<double> a, Vector<double> b, double tolerance = 1e-12, int maxIterations = 500)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        int n = a.ColumnCount;
        var x = Vector<double>.Build.Dense(n);
        var passive = new bool[n];
        var scale = tolerance * Math.Max(1, a.FrobeniusNorm() * b.L2Norm());
        for (int iteration = 0; iteration < maxIterations; iteration++)
        {
            var gradient = a.TransposeThisAndMultiply(b - (a * x));
            int enter = -1;
            double best = scale;
            for (int j = 0; j < n; j++)
            {
                if (!passive[j] && gradient[j] > best)
                {
                    best = gradient[j];
                    enter = j;
                }
            }

            if (enter < 0)
                return x;
            passive[enter] = true;
            while (true)
            {
                var z = SolvePassive(a, b, passive);
                if (Enumerable.Range(0, n).All(j => !passive[j] || z[j] > 0))
                {
                    x = z;
                    break;
                }

                // Step from x toward z as far as feasibility allows; the variables that hit zero leave the passive set.
                double alpha = double.PositiveInfinity;
                for (int j = 0; j < n; j++)
                {
                    if (passive[j] && z[j] <= 0)
                        alpha = Math.Min(alpha, x[j] / (x[j] - z[j]));
                }

                x += alpha * (z - x);
                for (int j = 0; j < n; j++)
                {
                    if (passive[j] && x[j] <= tolerance * Math.Max(1, Math.Abs(z[j])))
                    {
                        passive[j] = false;
                        x[j] = 0;
                    }
                }
            }
        }

        throw new InvalidOperationException($"NNLS did not converge in {maxIterations} iterations");
    }

    private static Vector<double> SolvePassive(Matrix<double> a, Vector<double> b, bool[] passive)
    {
        var columns = Enumerable.Range(0, passive.Length).Where(j => passive[j]).ToArray();
        var sub = Matrix<double>.Build.Dense(a.RowCount, columns.Length, (i, c) => a[i, columns[c]]);
        var solution = sub.QR().Solve(b);
        var full = Vector<double>.Build.Dense(passive.Length);
        for (int c = 0; c < columns.Length; c++)
            full[columns[c]] = solution[c];
        return full;
    }
}
