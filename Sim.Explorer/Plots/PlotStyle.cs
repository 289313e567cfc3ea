using ScottPlot;
using SkiaSharp;

namespace Sim.Explorer.Plots;

/// <summary>
/// Shared look and output of every figure. Skia finds fonts by scanning /usr/share/fonts; with none it renders
/// figures with no text and no error, so <see cref="NewPlot"/> refuses to draw instead.
/// </summary>
public static class PlotStyle
{
    public const int Width = 1000;
    public const int Height = 700;

    /// <summary>Skia's directory-scan default is DejaVu Serif (and draws some symbols as boxes); ask for the sans.</summary>
    public const string PreferredFont = "DejaVu Sans";

    public const string NoFontsMessage = "no fonts found: apt-get install fonts-dejavu-core";

    private static readonly Lazy<string> s_font = new(() =>
    {
        RegisterBundledFonts();
        using var preferred = SKFontManager.Default.MatchFamily(PreferredFont);
        string font = ChooseFont(preferred?.FamilyName, SKTypeface.Default.FamilyName);
        Fonts.Default = font;
        Fonts.Sans = font;
        return font;
    });

    /// <summary>The font every plot uses; set once, before any plot exists (labels copy it when created).</summary>
    /// <exception cref="InvalidOperationException">No font is installed.</exception>
    public static string Font => s_font.Value;

    /// <summary>
    /// The tool ships DejaVu Sans (regular and bold, Bitstream Vera licence in Fonts/) so figures have text — the same
    /// text — on machines with no fonts installed.
    /// </summary>
    private static void RegisterBundledFonts()
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "Fonts");
        var regular = Path.Combine(directory, "DejaVuSans.ttf");
        var bold = Path.Combine(directory, "DejaVuSans-Bold.ttf");
        if (File.Exists(regular))
            Fonts.AddFontFile(PreferredFont, regular, bold: false, italic: false);
        if (File.Exists(bold))
            Fonts.AddFontFile(PreferredFont, bold, bold: true, italic: false);
    }

    /// <summary>Prefers <see cref="PreferredFont"/>, falls back to any installed family, throws if there is none.</summary>
    public static string ChooseFont(string? preferredMatch, string? systemDefault)
    {
        if (string.Equals(preferredMatch, PreferredFont, StringComparison.OrdinalIgnoreCase))
            return PreferredFont;
        if (!string.IsNullOrEmpty(systemDefault))
            return systemDefault;
        throw new InvalidOperationException(NoFontsMessage);
    }

    /// <summary>A plot with fonts checked and set, title shown.</summary>
    public static Plot NewPlot(string title)
    {
        _ = Font;
        var plot = new Plot();
        plot.Title(title);
        return plot;
    }

    /// <summary>A frameless plot saying there was nothing to draw: a file still appears where the caller expects one.</summary>
    public static Plot NoData(string title)
    {
        var plot = NewPlot(title);
        plot.Axes.Frameless();
        plot.Axes.Title.IsVisible = !string.IsNullOrEmpty(title); // Frameless hides the title too
        plot.HideGrid();
        plot.Add.Annotation("no ok points to plot", Alignment.MiddleCenter);
        return plot;
    }

    /// <summary>Writes <paramref name="name"/>.png and .svg into <paramref name="directory"/> (created if missing).</summary>
    public static void Save(Plot plot, string directory, string name, int width = Width, int height = Height)
    {
        ArgumentNullException.ThrowIfNull(plot);
        Directory.CreateDirectory(directory);
        using var invariant = new InvariantCultureScope();
        plot.SavePng(Path.Combine(directory, name + ".png"), width, height);
        plot.SaveSvg(Path.Combine(directory, name + ".svg"), width, height);
    }

    /// <summary>Multiplot has no SaveSvg: render it onto Skia's SVG canvas ourselves, as Plot.SaveSvg does.</summary>
    public static void Save(Multiplot figure, string directory, string name, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(figure);
        Directory.CreateDirectory(directory);
        using var invariant = new InvariantCultureScope();
        figure.SavePng(Path.Combine(directory, name + ".png"), width, height);

        using (var file = File.Create(Path.Combine(directory, name + ".svg")))
        using (var canvas = SKSvgCanvas.Create(new SKRect(0, 0, width, height), file))
        {
            // The SVG document is complete only once the canvas is disposed, before the stream.
            figure.Render(canvas, new PixelRect(0, width, height, 0));
        }
    }

    /// <summary>
    /// ScottPlot formats its automatic tick labels with the current culture (0,05 under de-DE); figures are rendered
    /// under the invariant culture so they read, and are byte-for-byte, the same everywhere.
    /// </summary>
    private sealed class InvariantCultureScope : IDisposable
    {
        private readonly System.Globalization.CultureInfo _saved = System.Globalization.CultureInfo.CurrentCulture;

        public InvariantCultureScope() => System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture;

        public void Dispose() => System.Globalization.CultureInfo.CurrentCulture = _saved;
    }
}
