using Sim.Explorer.Plots;
using SkiaSharp;

namespace Sim.Explorer.Tests.Plots;

public class PlotStyleTests
{
    [Fact]
    public void Fonts_are_installed_and_the_sans_font_is_chosen()
    {
        // Without fonts Skia draws figures with no text and no error: this is the canary.
        Assert.NotEqual("", SKTypeface.Default.FamilyName);
        Assert.Equal(PlotStyle.PreferredFont, PlotStyle.Font);
        Assert.Equal(PlotStyle.PreferredFont, ScottPlot.Fonts.Default);
    }

    [Fact]
    public void No_font_at_all_is_an_error_that_says_how_to_fix_it()
    {
        var e = Assert.Throws<InvalidOperationException>(() => PlotStyle.ChooseFont(null, ""));
        Assert.Contains("apt-get install fonts-dejavu-core", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DejaVu Sans", "DejaVu Serif", "DejaVu Sans")]
    [InlineData("Liberation Sans", "Liberation Serif", "Liberation Serif")] // the matcher fell back: not ours
    [InlineData(null, "Noto Sans", "Noto Sans")]
    public void The_preferred_font_wins_else_any_installed_one(string? match, string systemDefault, string expected) =>
        Assert.Equal(expected, PlotStyle.ChooseFont(match, systemDefault));
}
