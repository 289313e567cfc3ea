using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace Sim.Explorer.Calibration;

/// <summary>
/// A non-negative linear timing model fitted on relative error: each row (features x_i, measured y_i) is divided by
/// y_i, so least squares minimises Σ((y_i − x_i·θ)/y_i)² — every shape counts by its percentage error, as MAPE
/// does, instead of the largest shapes drowning the small ones. θ ≥ 0 by <see cref="Nnls"/> (columns are scaled to
/// unit norm first, which NNLS's solution does not depend on, for conditioning). A coefficient may have a lower bound
/// ℓ_j &gt; 0 instead (θ_j = ℓ_j + δ_j, δ_j ≥ 0: the fit solves for δ on the target minus ℓ's share), e.g. a GEMM's cycles
/// per MAC can't be below the FMA peak's, which stops the additive memory terms from absorbing compute time and
/// reporting an efficiency above 1. A coefficient held at its bound counts, like an NNLS zero, as not estimated.
/// <para>
/// Intervals. The relative residuals r_i = 1 − x̃_i·θ (x̃_i = x_i / y_i) estimate s² = Σr²/(n − p), p = the non-zero
/// coefficients (the active set, where the fit is an ordinary least squares one). For a new shape x₀ with prediction
/// ŷ₀, x̃₀ = x₀/ŷ₀ and leverage h₀ = x̃₀ᵀ(X̃ᵀX̃)⁻¹x̃₀ over the active columns; the relative error of a new
/// measurement is within ±q, q = t(0.975, n − p)·s·√(1 + h₀), 95 % of the time if the residuals are independent and
/// normal, so y₀ ∈ [ŷ₀/(1 + q), ŷ₀/(1 − q)] (unbounded above when q ≥ 1).
/// </para>
/// </summary>
public sealed class LinearFit
{
    private readonly Matrix<double>? _inverseGram;
    private readonly int[] _active;

    private LinearFit(double[] coefficients, double[] standardErrors, int[] active, Matrix<double>? inverseGram, double residualSd, int fitRows)
    {
        Coefficients = coefficients;
        StandardErrors = standardErrors;
        _active = active;
        _inverseGram = inverseGram;
        ResidualSd = residualSd;
        FitRows = fitRows;
    }

    public const double Confidence = 0.95;

    public IReadOnlyList<double> Coefficients { get; }

    /// <summary>Standard error of each coefficient (NaN for one NNLS held at zero: it is on the boundary, not estimated).</summary>
    public IReadOnlyList<double> StandardErrors { get; }

    /// <summary>The residual standard error of the relative residuals (NaN when there are no spare degrees of freedom).</summary>
    public double ResidualSd { get; }

    public int FitRows { get; }

    public int DegreesOfFreedom => FitRows - _active.Length;

    public static LinearFit Fit(IReadOnlyList<double[]> features, IReadOnlyList<double> measured) => Fit(features, measured, null);

    /// <param name="lowerBounds">Per coefficient, the least value it may take (null: all 0).</param>
    public static LinearFit Fit(IReadOnlyList<double[]> features, IReadOnlyList<double> measured, IReadOnlyList<double>? lowerBounds)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(measured);
        if (features.Count != measured.Count || features.Count == 0)
            throw new ArgumentException("one measurement per feature row, at least one row", nameof(measured));
        int n = features.Count, p = features[0].Length;
        if (measured.Any(y => !(y > 0)))
            throw new ArgumentException("measured times must be positive", nameof(measured));
        var floor = lowerBounds is null ? new double[p] : [.. lowerBounds];
        if (floor.Length != p || floor.Any(l => !(l >= 0)))
            throw new ArgumentException($"one finite non-negative lower bound per coefficient ({p})", nameof(lowerBounds));
        var x = Matrix<double>.Build.Dense(n, p, (i, j) => features[i][j] / measured[i]);
        var norms = Enumerable.Range(0, p).Select(j => x.Column(j).L2Norm()).Select(v => v > 0 ? v : 1).ToArray();
        var scaled = Matrix<double>.Build.Dense(n, p, (i, j) => x[i, j] / norms[j]);
        var target = Vector<double>.Build.Dense(n, i => 1 - Enumerable.Range(0, p).Sum(j => x[i, j] * floor[j]));
        var u = Nnls.Solve(scaled, target);
        var theta = Enumerable.Range(0, p).Select(j => floor[j] + (u[j] / norms[j])).ToArray();
        var active = Enumerable.Range(0, p).Where(j => u[j] > 0).ToArray();
        var residuals = Enumerable.Range(0, n).Select(i => 1 - Enumerable.Range(0, p).Sum(j => x[i, j] * theta[j])).ToArray();
        int dof = n - active.Length;
        double sd = dof > 0 ? Math.Sqrt(residuals.Sum(r => r * r) / dof) : double.NaN;
        Matrix<double>? inverseGram = null;
        var errors = Enumerable.Repeat(double.NaN, p).ToArray();
        if (active.Length > 0)
        {
            var xa = Matrix<double>.Build.Dense(n, active.Length, (i, c) => x[i, active[c]]);
            inverseGram = xa.TransposeThisAndMultiply(xa).Inverse();
            for (int c = 0; c < active.Length; c++)
                errors[active[c]] = sd * Math.Sqrt(inverseGram[c, c]);
        }

        return new LinearFit(theta, errors, active, inverseGram, sd, n);
    }

    public double Predict(IReadOnlyList<double> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        double sum = 0;
        for (int j = 0; j < features.Count; j++)
            sum += Coefficients[j] * features[j];
        return sum;
    }

    /// <summary>The <see cref="Confidence"/> prediction interval of a new measurement at <paramref name="features"/>
    /// (NaN bounds when the fit has no spare degrees of freedom).</summary>
    public (double Low, double High) Interval(IReadOnlyList<double> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var predicted = Predict(features);
        if (DegreesOfFreedom <= 0 || _inverseGram is null || !(predicted > 0))
            return (double.NaN, double.NaN);
        var xa = Vector<double>.Build.Dense(_active.Length, c => features[_active[c]] / predicted);
        var leverage = xa * (_inverseGram * xa);
        var q = StudentT.InvCDF(0, 1, DegreesOfFreedom, 0.5 + (Confidence / 2)) * ResidualSd * Math.Sqrt(1 + leverage);
        return (predicted / (1 + q), q < 1 ? predicted / (1 - q) : double.PositiveInfinity);
    }
}
