using Sim.Explorer.Analysis;
using Sim.Explorer.Results;

namespace Sim.Explorer.Sweeps;

/// <summary>
/// Writes a finished sweep's tables from its finished points, in plan order (so the files are byte-identical whatever
/// the thread timing, sharding or resumption that produced them): points.csv, layers.csv and manifest.json.
/// </summary>
public static class SweepTables
{
    public static (List<PointRow> Points, List<LayerRow> Layers) Write(
        string outputDirectory, SweepSpec spec, IReadOnlyList<SweepPoint> plan, IReadOnlyDictionary<string, SweepJournal.Entry> finished)
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
            points.Add(entry.Point);
            layers.AddRange(entry.Layers);
        }

        ParetoFront.Mark(points, spec.Objectives);
        ResultsCsv.Write(Path.Combine(outputDirectory, "points.csv"), points);
        ResultsCsv.Write(Path.Combine(outputDirectory, "layers.csv"), layers);
        SweepManifest.Write(Path.Combine(outputDirectory, "manifest.json"), spec, plan, points);
        return (points, layers);
    }
}
