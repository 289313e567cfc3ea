using Sim.Arch.Calibrated;
using Sim.Core.Workloads;
using Sim.Explorer.Calibration;

namespace Sim.Explorer.Tests.Calibration;

/// <summary>
/// With 5 % multiplicative noise (y = ŷ / (1 − ε), ε ~ N(0, 0.05²), so the relative residual is ε exactly), the 95 %
/// intervals of 400 new shapes must cover about 95 % of them, and the residual SD must estimate 0.05.
/// </summary>
public class IntervalCoverageTests
{
    [Fact]
    public void Ninety_five_percent_intervals_cover_about_ninety_five_percent_of_new_shapes()
    {
        var random = new Random(7);
        var theta = CalibrationFixture.Theta[Sim.Arch.Native.NativeKernel.GemmF32];
        double[] Shape() => CalibratedFeatures.Of(new GemmShape(random.Next(1, 2048), random.Next(1, 2048), random.Next(1, 2048)),
            CalibrationFixture.Blocking, 4).Vector();
        double Noisy(double[] x) =>
            CalibratedFeatures.Dot(theta, x) / (1 - (0.05 * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble())));
        var fitX = Enumerable.Range(0, 60).Select(_ => Shape()).ToList();
        var fit = LinearFit.Fit(fitX, [.. fitX.Select(Noisy)]);
        Assert.InRange(fit.ResidualSd, 0.035, 0.065);
        int covered = 0;
        const int New = 400;
        for (int i = 0; i < New; i++)
        {
            var x = Shape();
            var y = Noisy(x);
            var (low, high) = fit.Interval(x);
            Assert.True(low < fit.Predict(x) && fit.Predict(x) < high);
            if (y >= low && y <= high)
                covered++;
        }

        Assert.InRange(covered / (double)New, 0.90, 0.985);
    }

    [Fact]
    public void No_spare_degrees_of_freedom_give_no_interval()
    {
        var fit = LinearFit.Fit([[1, 1], [1, 2]], [3, 5]);
        Assert.Equal(0, fit.DegreesOfFreedom);
        Assert.True(double.IsNaN(fit.Interval([1, 3]).Low));
        Assert.Equal(7, fit.Predict([1, 3]), 9);
    }
}
