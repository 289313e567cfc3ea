using System.Globalization;
using Sim.Explorer.Reports;
using Sim.Explorer.Sweeps;

namespace Sim.Explorer.Tests.Sweeps;

/// <summary>
/// The CSV schemas are an interface (notebooks and scripts read them by column name and position): a change must be
/// deliberate. To update after an intended change, copy the new header lines into the golden files, e.g.
/// <c>head -1 reports/default/points.csv | tr -d '\r' &gt; tests/Sim.Explorer.Tests/Sweeps/Golden/points.header.csv</c> (likewise
/// layers, breakdown), and say in the commit why the schema changed.
/// </summary>
public class CsvSchemaTests(SmallSweep sweep) : IClassFixture<SmallSweep>
{
    private static string Golden(string table) =>
        File.ReadAllText(Path.Combine(Import.RepoPaths.Root, "tests", "Sim.Explorer.Tests", "Sweeps", "Golden", table + ".header.csv")).TrimEnd('\r', '\n');

    [Theory]
    [InlineData("points")]
    [InlineData("layers")]
    [InlineData("breakdown")]
    public void Header_matches_the_committed_golden_file(string table) =>
        Assert.Equal(Golden(table), File.ReadLines(sweep.File(table + ".csv")).First());

    [Fact]
    public void A_german_culture_writes_byte_identical_tables_and_report()
    {
        using var dir = new TempDirectory();
        var spec = SmallSweep.Load(dir);
        var invariant = Path.Combine(dir.Path, "invariant");
        var german = Path.Combine(dir.Path, "german");
        var saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            SweepRunner.Run(spec, invariant, jobs: 1, resume: false);
            SweepReport.Write(invariant, spec);
            // de-DE writes 1,5 for 1.5 and "." between thousands; under InvariantGlobalization the culture still
            // carries its own NumberFormat when set this way, which is what a culture-sensitive format would use.
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("de-DE") { NumberFormat = { NumberDecimalSeparator = ",", NumberGroupSeparator = "." } };
            Assert.Equal("1,5", 1.5.ToString(CultureInfo.CurrentCulture));
            SweepRunner.Run(spec, german, jobs: 1, resume: false);
            SweepReport.Write(german, spec);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = saved;
        }

        foreach (var file in new[] { "points.csv", "layers.csv", "breakdown.csv", "manifest.json", "report.html" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(invariant, file)), File.ReadAllBytes(Path.Combine(german, file)));
    }
}
