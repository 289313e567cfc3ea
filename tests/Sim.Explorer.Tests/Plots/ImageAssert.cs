using System.Text.RegularExpressions;

namespace Sim.Explorer.Tests.Plots;

internal static partial class ImageAssert
{
    private static readonly byte[] s_pngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>A real PNG with content: a text-less or empty render compresses far below 10 KB.</summary>
    public static void IsPng(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 10 * 1024, $"{path} is only {bytes.Length} bytes");
        Assert.Equal(s_pngSignature, bytes[..8]);
    }

    /// <summary>The concatenated contents of the SVG's &lt;text&gt; elements, entities decoded.</summary>
    public static string SvgText(string path)
    {
        string svg = File.ReadAllText(path);
        Assert.StartsWith("<?xml", svg, StringComparison.Ordinal);
        Assert.Contains("<svg", svg, StringComparison.Ordinal);
        var texts = TextElement().Matches(svg).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value).Trim());
        return string.Join("\n", texts);
    }

    [GeneratedRegex("<text[^>]*>([^<]*)</text>")]
    private static partial Regex TextElement();
}
