using Sim.Explorer.Calibration;

namespace Sim.Explorer.Tests.Calibration;

/// <summary>A coefficient with a lower bound: θ = ℓ + δ, δ ≥ 0, fitted on the target minus ℓ's share.</summary>
public class LowerBoundFitTests
{
    // y = 2 + 0.5·x exactly, at x = 1, 2, 4, 8.
    private static readonly double[][] s_x = [[1, 1], [1, 2], [1, 4], [1, 8]];
    private static readonly double[] s_y = [2.5, 3, 4, 6];

    [Fact]
    public void A_bound_below_the_true_coefficient_changes_nothing()
    {
        var fit = LinearFit.Fit(s_x, s_y, [0, 0.25]);
        Assert.Equal(2, fit.Coefficients[0], 9);
        Assert.Equal(0.5, fit.Coefficients[1], 9);
    }

    [Fact]
    public void A_bound_above_the_true_coefficient_holds_it_there_and_refits_the_rest()
    {
        // Slope held at 1: the intercept minimises Σ((y − c − x)/y)²; by hand, c = Σ((y − x)/y²) / Σ(1/y²).
        var fit = LinearFit.Fit(s_x, s_y, [0, 1]);
        Assert.Equal(1, fit.Coefficients[1], 12);
        double num = 0, den = 0;
        for (var i = 0; i < s_y.Length; i++)
        {
            num += (s_y[i] - s_x[i][1]) / (s_y[i] * s_y[i]);
            den += 1 / (s_y[i] * s_y[i]);
        }

        Assert.Equal(num / den, fit.Coefficients[0], 9);
        // Held at its bound, the slope is not estimated: no standard error, one active coefficient.
        Assert.True(double.IsNaN(fit.StandardErrors[1]));
        Assert.Equal(3, fit.DegreesOfFreedom);
    }

    [Fact]
    public void Bounds_must_be_one_non_negative_value_per_coefficient()
    {
        Assert.Throws<ArgumentException>(() => LinearFit.Fit(s_x, s_y, [0]));
        Assert.Throws<ArgumentException>(() => LinearFit.Fit(s_x, s_y, [0, -1]));
        Assert.Throws<ArgumentException>(() => LinearFit.Fit(s_x, s_y, [0, double.NaN]));
    }
}
