using Sim.Core.Hardware;
using Sim.Explorer.Plots;
using Sim.Explorer.Results;

namespace Sim.Explorer.Reports;

/// <summary>Draws a sweep's plots from its written points.csv (not from memory), so what is plotted is what was saved.</summary>
public static class SweepReport
{
    public static IReadOnlyList<string> Write(string directory, Sweeps.SweepSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return Write(directory, spec.Name);
    }

    public static IReadOnlyList<string> Write(string directory, string title)
    {
        var rows = ResultsCsv.Read<PointRow>(Path.Combine(directory, "points.csv"));
        ParetoPlot.Save(rows, directory, title);
        // The heatmap's rows × cols describe a systolic array completely; other kinds have a third side (a cube's K0)
        // or a fixed dataflow, so they are compared with the engine charts instead.
        if (rows.All(r => r.TileKind is SystolicSpec.KindName or ""))
            UtilizationHeatmap.Save(rows, directory, title);
        else
            EngineComparisonPlot.Save(rows, directory, title);
        return Directory.GetFiles(directory)
            .Where(f => f.EndsWith(".png", StringComparison.Ordinal) || f.EndsWith(".svg", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
