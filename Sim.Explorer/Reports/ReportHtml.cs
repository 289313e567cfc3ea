using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using Sim.Explorer.Analysis;
using Sim.Explorer.Results;

namespace Sim.Explorer.Reports;

/// <summary>
/// report.html: one self-contained page (SVG figures inlined, no script, no network) with the sweep's manifest facts,
/// its objectives, the top designs of each workload and every figure. Built as an XML tree, so every value is escaped
/// and the page is well-formed XHTML; written with fixed settings, so the bytes depend only on the inputs.
/// </summary>
public static class ReportHtml
{
    public const string FileName = "report.html";

    /// <summary>Rows of the top-designs table per workload.</summary>
    public const int MaxTopDesigns = 10;

    private static readonly XNamespace s_svg = "http://www.w3.org/2000/svg";

    private const string Style = """
        body { font-family: 'DejaVu Sans', sans-serif; margin: 2em; color: #222; }
        table { border-collapse: collapse; margin: 0.5em 0 1.5em; font-size: 0.9em; }
        th, td { border: 1px solid #ccc; padding: 0.2em 0.6em; text-align: right; }
        th { background: #f0f0f0; }
        td.text, th.text { text-align: left; }
        figure { margin: 1em 0 2em; }
        figure svg { max-width: 100%; height: auto; }
        """;

    /// <param name="figures">File names (no extension) of figures written into <paramref name="directory"/> as .svg.</param>
    public static string Write(string directory, string title, IReadOnlyList<Objective> objectives, IReadOnlyList<PointRow> points, IReadOnlyList<string> figures)
    {
        ArgumentNullException.ThrowIfNull(objectives);
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(figures);
        var body = new XElement("body",
            new XElement("h1", $"Sweep {title}"),
            Facts(Path.Combine(directory, "manifest.json"), points),
            new XElement("h2", "Objectives"),
            new XElement("ol", objectives.Select(o => new XElement("li", $"{o} ({o.Metric.Unit})"))),
            new XElement("h2", "Top designs"),
            new XElement("p", $"Per workload, the Pareto-front points (the pareto column of points.csv) sorted by {objectives[0]}, at most {MaxTopDesigns}, with the parameters the sweep varies."),
            TopDesigns(points, objectives),
            new XElement("h2", "Figures"),
            figures.Select(f => Figure(directory, f)));
        var html = new XElement("html", new XAttribute("lang", "en"),
            new XElement("head",
                new XElement("meta", new XAttribute("charset", "utf-8")),
                new XElement("title", $"Sweep {title}"),
                new XElement("style", Style)),
            body);
        var path = Path.Combine(directory, FileName);
        var settings = new XmlWriterSettings
        {
            OmitXmlDeclaration = true,
            Indent = true,
            NewLineChars = "\n",
            Encoding = new UTF8Encoding(false),
        };
        using (var stream = File.Create(path + ".tmp"))
        {
            // The HTML5 doctype by hand: XmlWriter writes "<!DOCTYPE html >".
            stream.Write("<!DOCTYPE html>\n"u8);
            using (var writer = XmlWriter.Create(stream, settings))
                html.Save(writer);
            stream.Write("\n"u8);
        }

        File.Move(path + ".tmp", path, overwrite: true);
        return path;
    }

    /// <summary>What produced the sweep, from manifest.json when there is one; point counts from the rows.</summary>
    private static XElement Facts(string manifestPath, IReadOnlyList<PointRow> points)
    {
        var facts = new List<(string, string)> { ("points", Text(points.Count)) };
        foreach (var status in points.GroupBy(p => p.Status, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            facts.Add(($"status {status.Key}", Text(status.Count())));
        if (File.Exists(manifestPath))
        {
            using var manifest = JsonDocument.Parse(File.ReadAllBytes(manifestPath));
            foreach (var key in new[] { "sweep", "spec_path", "spec_sha256", "mode", "strategy", "seed", "sim_version", "model_revision", "dotnet_version" })
            {
                if (manifest.RootElement.TryGetProperty(key, out var value))
                    facts.Add((key, value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : value.GetRawText()));
            }
        }

        return new XElement("table", new XAttribute("class", "facts"),
            facts.Select(f => new XElement("tr", new XElement("th", new XAttribute("class", "text"), f.Item1), new XElement("td", new XAttribute("class", "text"), f.Item2))));
    }

    /// <summary>Per workload, the pareto rows sorted by the first objective (ties in plan order), with the swept p.* and the objectives.</summary>
    private static IEnumerable<XElement> TopDesigns(IReadOnlyList<PointRow> points, IReadOnlyList<Objective> objectives)
    {
        // The swept parameters (p.* columns that vary across the sweep); p.tile always, as the design's name.
        var parameters = ParquetTables.Columns<PointRow>()
            .Where(c => c.Name.StartsWith("p.", StringComparison.Ordinal) && c.Name != "p.workload")
            .Where(c => c.Name == "p.tile" || points.Select(p => Text(c.Property.GetValue(p))).Distinct(StringComparer.Ordinal).Skip(1).Any())
            .ToList();
        foreach (var workload in points.Where(RowStatus.IsOk).GroupBy(p => p.Workload, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var top = workload.Where(p => p.Pareto).OrderBy(objectives[0].Cost).Take(MaxTopDesigns).ToList();
            yield return new XElement("h3", workload.Key);
            var header = new XElement("tr", new XElement("th", new XAttribute("class", "text"), "point_id"),
                parameters.Select(p => new XElement("th", p.Name)), objectives.Select(o => new XElement("th", o.Name)));
            var rows = top.Select(p => new XElement("tr", new XAttribute("id", "design-" + p.PointId),
                new XElement("td", new XAttribute("class", "text"), p.PointId),
                parameters.Select(c => new XElement("td", Text(c.Property.GetValue(p)))),
                objectives.Select(o => new XElement("td", Text(o.Metric.Value(p))))));
            yield return new XElement("table", new XAttribute("class", "top-designs"), header, rows);
        }
    }

    private static XElement Figure(string directory, string name)
    {
        var svg = XElement.Load(Path.Combine(directory, name + ".svg"));
        if (svg.Name != s_svg + "svg")
            throw new InvalidOperationException($"{name}.svg is not an SVG document");
        RenameIds(svg, name);
        return new XElement("figure", new XAttribute("id", "figure-" + name),
            svg,
            new XElement("figcaption", new XElement("a", new XAttribute("href", name + ".png"), name + ".png"), " / ",
                new XElement("a", new XAttribute("href", name + ".svg"), name + ".svg")));
    }

    /// <summary>
    /// Skia numbers an SVG's clip-path ids with a counter global to the process, so two figures can share an id (one
    /// page, one id space: the second figure would clip with the first one's path) and the same figure gets other ids
    /// in another run. Renamed to the figure's name and the order of appearance: unique, and the same in every run.
    /// </summary>
    private static void RenameIds(XElement svg, string figure)
    {
        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in svg.DescendantsAndSelf().Select(e => e.Attribute("id")).OfType<XAttribute>())
        {
            var fresh = $"{figure}-{renamed.Count}";
            renamed[id.Value] = fresh;
            id.Value = fresh;
        }

        foreach (var attribute in svg.DescendantsAndSelf().SelectMany(e => e.Attributes()))
        {
            var value = attribute.Value;
            if (value.StartsWith('#') && renamed.TryGetValue(value[1..], out var href))
                attribute.Value = "#" + href;
            else if (value.StartsWith("url(#", StringComparison.Ordinal) && value.EndsWith(')') && renamed.TryGetValue(value[5..^1], out var url))
                attribute.Value = $"url(#{url})";
        }
    }

    /// <summary>Numbers as the CSVs write them (invariant); fractional doubles to 6 significant digits for reading.</summary>
    private static string Text(object? value) => value switch
    {
        null => "",
        double d when Math.Abs(d) < 1e15 && d == Math.Floor(d) => d.ToString("0", CultureInfo.InvariantCulture), // counts stay whole
        double d => d.ToString("G6", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
