using Sim.Explorer.Plots;

namespace Sim.Explorer.Tests.Plots;

public class LogTicksTests
{
    private static string[] MajorLabels(ScottPlot.Tick[] ticks) => [.. ticks.Where(t => t.IsMajor).Select(t => t.Label)];

    [Fact]
    public void Log2_labels_every_power_of_two_in_range()
    {
        Assert.Equal(["64", "128", "256", "512", "1024", "2048", "4096", "8192", "16384"],
            MajorLabels(LogTicks.Log2(5.5, 14.5)));
    }

    [Fact]
    public void Log2_thins_labels_on_wide_ranges_but_keeps_minor_ticks()
    {
        var ticks = LogTicks.Log2(0, 20);
        Assert.Equal(11, ticks.Count(t => t.IsMajor));
        Assert.Equal(21, ticks.Length);
        Assert.Contains("1048576", MajorLabels(ticks));
    }

    [Fact]
    public void Log10_labels_decades_on_wide_ranges_with_minor_ticks_between()
    {
        var ticks = LogTicks.Log10(2.5, 9.2);
        Assert.Equal(["1k", "10k", "100k", "1M", "10M", "100M", "1G"], MajorLabels(ticks));
        Assert.Contains(ticks, t => !t.IsMajor && Math.Abs(t.Position - Math.Log10(2e5)) < 1e-12);
    }

    [Fact]
    public void Log10_adds_2_and_5_labels_on_narrow_ranges()
    {
        Assert.Equal(["200k", "500k", "1M", "2M", "5M"], MajorLabels(LogTicks.Log10(5.2, 6.8)));
    }

    [Fact]
    public void Tick_positions_stay_inside_the_axis()
    {
        Assert.All(LogTicks.Log10(5.2, 6.8), t => Assert.InRange(t.Position, 5.2, 6.8));
        Assert.All(LogTicks.Log2(5.5, 14.5), t => Assert.InRange(t.Position, 5.5, 14.5));
    }

    [Theory]
    [InlineData(1, "1")]
    [InlineData(500, "500")]
    [InlineData(1000, "1k")]
    [InlineData(100_000, "100k")]
    [InlineData(1_500_000, "1.5M")]
    [InlineData(2e9, "2G")]
    public void Si_labels_are_compact(double value, string expected) => Assert.Equal(expected, LogTicks.FormatSi(value));
}
