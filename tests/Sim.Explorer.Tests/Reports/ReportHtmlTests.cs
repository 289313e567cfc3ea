using System.Xml.Linq;
using Sim.Explorer.Analysis;
using Sim.Explorer.Reports;
using Sim.Explorer.Results;
using Sim.Explorer.Sweeps;
using Sim.Explorer.Tests.Sweeps;

namespace Sim.Explorer.Tests.Reports;

public class ReportHtmlTests(SmallSweep sweep) : IClassFixture<SmallSweep>
{
    private static readonly XNamespace s_svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void The_report_is_well_formed_and_holds_facts_objectives_top_designs_and_every_figure()
    {
        var files = SweepReport.Write(sweep.Directory, sweep.SpecObject);
        var html = File.ReadAllText(sweep.File(ReportHtml.FileName));
        Assert.StartsWith("<!DOCTYPE html>\n<html", html, StringComparison.Ordinal);
        var page = XElement.Parse(html[html.IndexOf("<html", StringComparison.Ordinal)..]);

        var figures = page.Descendants("figure").ToList();
        var svgs = files.Where(f => f.EndsWith(".svg", StringComparison.Ordinal)).Select(f => Path.GetFileNameWithoutExtension(f)).ToList();
        Assert.Equal(["breakdown_energy", "breakdown_latency", "pareto", "roofline", "utilization_heatmap"], svgs);
        Assert.Equal(svgs.Order(StringComparer.Ordinal), figures.Select(f => (string)f.Attribute("id")!).Select(id => id["figure-".Length..]).Order(StringComparer.Ordinal));
        Assert.All(figures, f => Assert.Single(f.Elements(s_svg + "svg")));
        // Clip-path ids are unique on the page and every reference points at one of them.
        var ids = page.Descendants().Select(e => (string?)e.Attribute("id")).OfType<string>().ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        foreach (var reference in page.Descendants().Select(e => (string?)e.Attribute("clip-path")).OfType<string>())
            Assert.Contains(reference[5..^1], ids);

        var text = page.Value;
        Assert.Contains("small-sweep", text, StringComparison.Ordinal);
        Assert.Contains("min latency_cycles (cycles)", text, StringComparison.Ordinal);
        var manifest = File.ReadAllText(sweep.File("manifest.json"));
        var sha = System.Text.Json.JsonDocument.Parse(manifest).RootElement.GetProperty("spec_sha256").GetString()!;
        Assert.Contains(sha, text, StringComparison.Ordinal);
        Assert.Contains("status ok", text, StringComparison.Ordinal);

        // The top designs: each workload's pareto rows (at most 10), fastest first, each with its parameters.
        var points = ResultsCsv.Read<PointRow>(sweep.File(SweepTables.PointsFile));
        foreach (var workload in points.GroupBy(p => p.Workload))
        {
            var expected = workload.Where(p => p.Pareto).OrderBy(p => p.LatencyCycles).Take(ReportHtml.MaxTopDesigns).Select(p => p.PointId).ToList();
            Assert.NotEmpty(expected);
            var table = page.Descendants("h3").Single(h => h.Value == workload.Key).ElementsAfterSelf("table").First();
            Assert.Equal(expected, table.Elements("tr").Skip(1).Select(tr => tr.Elements("td").First().Value));
            var header = table.Elements("tr").First().Elements("th").Select(th => th.Value).ToList();
            Assert.Contains("p.rows", header);
            Assert.Contains("p.dram_bw_bytes_per_cycle", header);
            Assert.DoesNotContain("p.ifmap_kb", header); // not swept: the same in every row
            Assert.Equal(["latency_cycles", "pe_count"], header[^2..]);
        }
    }

    [Fact]
    public void Values_are_escaped_and_the_bytes_are_the_same_each_time()
    {
        using var dir = new TempDirectory();
        var rows = new List<PointRow>
        {
            new() { PointId = "p1", Status = RowStatus.Ok, Workload = "net<script>&\"x\"", Tile = "a<b", PeCount = 64, LatencyCycles = 1000, Macs = 64000, Pareto = true },
        };
        ResultsCsv.Write(dir.File("points.csv"), rows);

        SweepReport.Write(dir.Path, "t<&>");
        var first = File.ReadAllBytes(dir.File(ReportHtml.FileName));
        SweepReport.Write(dir.Path, "t<&>");
        Assert.Equal(first, File.ReadAllBytes(dir.File(ReportHtml.FileName)));

        var html = System.Text.Encoding.UTF8.GetString(first);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("net&lt;script&gt;&amp;", html, StringComparison.Ordinal);
        Assert.Contains("Sweep t&lt;&amp;&gt;", html, StringComparison.Ordinal);
        var page = XElement.Parse(html[html.IndexOf("<html", StringComparison.Ordinal)..]);
        Assert.Contains(page.Descendants("td"), td => td.Value == "a<b");
        Assert.Contains(page.Descendants("h3"), h => h.Value == "net<script>&\"x\"");
    }
}
