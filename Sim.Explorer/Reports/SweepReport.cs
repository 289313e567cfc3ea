using Sim.Explorer.Plots;
using Sim.Explorer.Results;

namespace Sim.Explorer.Reports;

/// <summary>Draws a sweep's plots from its written points.csv (not from memory), so what is plotted is what was saved.</summary>
public static class SweepReport
{
    public static IReadOnlyList<string> Write(string directory, string title)
    {
        var rows = ResultsCsv.Read<PointRow>(Path.Combine(directory, "points.csv"));
        ParetoPlot.Save(rows, directory, title);
        // The heatmap's rows × cols only mean one thing within one tile kind; across kinds, compare the engines.
        if (rows.Select(r => r.TileKind).Distinct(StringComparer.Ordinal).Count() > 1)
            EngineComparisonPlot.Save(rows, directory, title);
        else
            UtilizationHeatmap.Save(rows, directory, title);
        return Directory.GetFiles(directory)
            .Where(f => f.EndsWith(".png", StringComparison.Ordinal) || f.EndsWith(".svg", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
