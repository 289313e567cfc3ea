using Sim.Explorer.Analysis;
using Sim.Explorer.Results;

namespace Sim.Explorer.Sweeps;

/// <summary>
/// Writes a finished sweep's tables from its finished points, in plan order (so the files are byte-identical whatever
/// the thread timing, sharding or resumption that produced them): points.csv, layers.csv, breakdown.csv and
/// manifest.json, and with <see cref="SweepOutputOptions.Parquet"/> the three tables again as Parquet.
/// </summary>
public static class SweepTables
{
    public const string PointsFile = "points.csv";
    public const string LayersFile = "layers.csv";
    public const string BreakdownFile = "breakdown.csv";

    public static (List<PointRow> Points, List<LayerRow> Layers) Write(
        string outputDirectory, SweepSpec spec, IReadOnlyList<SweepPoint> plan, IReadOnlyDictionary<string, SweepJournal.Entry> finished,
        SweepOutputOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(finished);
        var points = new List<PointRow>(plan.Count);
        var layers = new List<LayerRow>();
        foreach (var point in plan)
        {
            var entry = finished[point.Id];
            entry.Point.Sweep = spec.Name;
            entry.Point.SetParameters(point.Workload.Name, point.Arch, point.Mode);
            points.Add(entry.Point);
            layers.AddRange(entry.Layers);
        }

        ParetoFront.Mark(points, spec.Objectives);
        var breakdown = Breakdowns.Of(points, layers);
        ResultsCsv.Write(Path.Combine(outputDirectory, PointsFile), points);
        ResultsCsv.Write(Path.Combine(outputDirectory, LayersFile), layers);
        ResultsCsv.Write(Path.Combine(outputDirectory, BreakdownFile), breakdown);
        SweepManifest.Write(Path.Combine(outputDirectory, "manifest.json"), spec, plan, points);
        if ((options ?? SweepOutputOptions.Default).Parquet)
            WriteParquet(outputDirectory, points, layers, breakdown);
        return (points, layers);
    }

    /// <summary>
    /// points.parquet, layers.parquet and breakdown.parquet from a finished sweep's rows (those
    /// <see cref="Write"/> returns); the breakdown is derived from them as for breakdown.csv.
    /// </summary>
    public static void WriteParquet(string outputDirectory, IReadOnlyList<PointRow> points, IReadOnlyList<LayerRow> layers) =>
        WriteParquet(outputDirectory, points, layers, Breakdowns.Of(points, layers));

    private static void WriteParquet(string outputDirectory, IReadOnlyList<PointRow> points, IReadOnlyList<LayerRow> layers, IReadOnlyList<BreakdownRow> breakdown)
    {
        ParquetTables.Write(Path.Combine(outputDirectory, "points.parquet"), points);
        ParquetTables.Write(Path.Combine(outputDirectory, "layers.parquet"), layers);
        ParquetTables.Write(Path.Combine(outputDirectory, "breakdown.parquet"), breakdown);
    }
}
