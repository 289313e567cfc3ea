using MathNet.Numerics.LinearAlgebra;
using Sim.Explorer.Calibration;

namespace Sim.Explorer.Tests.Calibration;

public class NnlsTests
{
    [Fact]
    public void A_negative_unconstrained_coefficient_is_held_at_zero_and_the_rest_refit()
    {
        // min (x1 − 2)² + (x2 + 1)² + (x1 + x2 − 1)²: unconstrained x = (5/3, −2/3). With x ≥ 0, x2 = 0 and
        // x1 minimises (x1 − 2)² + 1 + (x1 − 1)² → 1.5; KKT: the gradient for x2, Aᵀr = 0·0.5 + 1·(−1) + 1·(−0.5) = −1.5 ≤ 0.
        var a = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 0 }, { 0, 1 }, { 1, 1 } });
        var x = Nnls.Solve(a, Vector<double>.Build.Dense([2, -1, 1]));
        Assert.Equal(1.5, x[0], 12);
        Assert.Equal(0, x[1]);
    }

    [Fact]
    public void With_a_positive_solution_it_is_ordinary_least_squares()
    {
        // Line through (1,1), (2,2), (3,2): slope 1/2, intercept 2/3.
        var a = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 1 }, { 1, 2 }, { 1, 3 } });
        var x = Nnls.Solve(a, Vector<double>.Build.Dense([1, 2, 2]));
        Assert.Equal(2.0 / 3, x[0], 12);
        Assert.Equal(0.5, x[1], 12);
    }

    [Fact]
    public void All_negative_gradients_give_zero()
    {
        var a = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 2 }, { 3, 4 } });
        Assert.Equal([0, 0], Nnls.Solve(a, Vector<double>.Build.Dense([-1, -1])).ToArray());
    }
}
