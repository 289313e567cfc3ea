using Sim.Core.Hardware;
using Sim.Explorer.Analysis;
using Sim.Explorer.Plots;
using Sim.Explorer.Results;

namespace Sim.Explorer.Reports;

/// <summary>
/// Draws a sweep's figures from its written CSVs (not from memory), so what is plotted is what was saved, and writes
/// report.html around them: the Pareto fronts of the objectives taken in pairs, the roofline, the utilization heatmap
/// (systolic sweeps; engine comparison charts for mixed tile kinds), and the breakdown of the best designs.
/// </summary>
public static class SweepReport
{
    /// <summary>The figures and report of a sweep, for its spec's objectives; the heatmap spans the spec's heatmap axes.</summary>
    public static IReadOnlyList<string> Write(string directory, Sweeps.SweepSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return Write(directory, spec.Name, spec.Objectives, spec.Heatmap.RowAxis, spec.Heatmap.ColAxis);
    }

    /// <summary>The figures and report for the default objectives.</summary>
    public static IReadOnlyList<string> Write(string directory, string title) =>
        Write(directory, title, Objective.Defaults, HeatmapAxis.Rows, HeatmapAxis.Cols);

    /// <summary>
    /// The objectives the Pareto figures pair: the spec's; a single objective is drawn against PE count (the cost of the
    /// hardware), or against latency when it is PE count itself.
    /// </summary>
    private static IReadOnlyList<Objective> PlottedPairs(IReadOnlyList<Objective> objectives) => objectives.Count switch
    {
        0 => Objective.Defaults,
        1 when objectives[0].Metric == PointMetrics.PeCount => [objectives[0], new Objective(PointMetrics.LatencyCycles, false)],
        1 => [objectives[0], new Objective(PointMetrics.PeCount, false)],
        _ => objectives,
    };

    /// <summary>
    /// Returns the written files (.png, .svg and report.html), in ordinal order. The heatmap spans
    /// <paramref name="heatmapRows"/> × <paramref name="heatmapCols"/>, best utilization over the other axes.
    /// </summary>
    public static IReadOnlyList<string> Write(string directory, string title, IReadOnlyList<Objective> objectives, HeatmapAxis heatmapRows, HeatmapAxis heatmapCols)
    {
        ArgumentNullException.ThrowIfNull(objectives);
        var rows = ResultsCsv.Read<PointRow>(Path.Combine(directory, Sweeps.SweepTables.PointsFile));
        var figures = new List<string>();
        figures.AddRange(ParetoPlot.SaveAll(rows, directory, title, PlottedPairs(objectives)));
        RooflinePlot.Save(rows, directory, title);
        figures.Add(RooflinePlot.FileName);
        // The heatmap's rows × cols describe a systolic array completely; other kinds have a third side (a cube's K0)
        // or a fixed dataflow, so they are compared with the engine charts instead.
        if (rows.All(r => r.TileKind is SystolicSpec.KindName or ""))
        {
            UtilizationHeatmap.Save(rows, directory, title, heatmapRows, heatmapCols);
            figures.Add(UtilizationHeatmap.FileName);
        }
        else
        {
            EngineComparisonPlot.Save(rows, directory, title);
            figures.AddRange(EngineComparisonPlot.Metrics.Select(m => m.FileName));
        }

        var breakdownPath = Path.Combine(directory, Sweeps.SweepTables.BreakdownFile);
        if (File.Exists(breakdownPath))
            figures.AddRange(BreakdownPlot.Save(rows, ResultsCsv.Read<BreakdownRow>(breakdownPath), objectives, directory, title));

        var report = ReportHtml.Write(directory, title, objectives, rows, figures);
        return figures.SelectMany(f => new[] { f + ".png", f + ".svg" }).Select(f => Path.Combine(directory, f)).Append(report)
            .Order(StringComparer.Ordinal).ToList();
    }
}
