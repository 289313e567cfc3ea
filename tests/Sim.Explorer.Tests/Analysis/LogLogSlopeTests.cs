using Sim.Explorer.Analysis;

namespace Sim.Explorer.Tests.Analysis;

public class LogLogSlopeTests
{
    [Fact]
    public void Power_laws_give_their_exponent()
    {
        double[] xs = [512, 1024, 4096, 65536];
        Assert.Equal(2, LogLogSlope.Fit(xs.Select(x => (x, 3 * x * x)).ToList()), 12);
        Assert.Equal(1, LogLogSlope.Fit(xs.Select(x => (x, 5 * x)).ToList()), 12);
        Assert.Equal(0, LogLogSlope.Fit(xs.Select(x => (x, 7.0)).ToList()), 12);
    }

    [Fact]
    public void Too_few_points_give_nan_and_non_positive_values_are_rejected()
    {
        Assert.True(double.IsNaN(LogLogSlope.Fit([(2, 3)])));
        Assert.True(double.IsNaN(LogLogSlope.Fit([(2, 3), (2, 5)])));
        Assert.Throws<ArgumentException>(() => LogLogSlope.Fit([(1, 0), (2, 1)]));
    }
}
