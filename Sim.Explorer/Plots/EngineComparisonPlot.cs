using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;
using Sim.Explorer.Analysis;
using Sim.Explorer.Results;

namespace Sim.Explorer.Plots;

/// <summary>
/// Tensor engines side by side (the iso-MAC comparison of the TPE papers): one grouped bar chart per metric —
/// TOPS/mm², TOPS/W, on-chip TOPS/W, utilization — with a group per (workload, MAC count) and a bar per tile kind. A kind swept in
/// several shapes or dataflows at one MAC count is shown by its fastest design, the same one in every chart. Only baseline-MAC-PE rows are drawn when the sweep
/// has them, so PE-variant factors do not mix into the engine comparison (they are in points.csv).
/// </summary>
public static class EngineComparisonPlot
{
    public static readonly (string FileName, string Label, Func<PointRow, double> Value)[] Metrics =
    [
        ("engines_tops_per_mm2", "Achieved TOPS per mm² of MACs", r => r.TopsPerMm2),
        ("engines_tops_per_w", "TOPS/W (2·MACs / energy)", r => r.TopsPerW),
        ("engines_onchip_tops_per_w", "On-chip TOPS/W (DRAM energy excluded)", r => r.OnChipTopsPerW),
        ("engines_utilization", "Utilization (MACs / PE-cycles)", r => r.Utilization),
    ];

    public const string XLabel = "workload / MACs per tile";

    /// <summary>
    /// The one design a bar stands for in every chart: of a kind's designs in the group (shapes, dataflows, memory
    /// axes), the fastest; ties go to the first in plan order. Every metric is then that design's.
    /// </summary>
    internal static PointRow? Representative(IEnumerable<PointRow> rows, string workload, long peCount, string kind) =>
        rows.Where(r => r.Workload == workload && r.PeCount == peCount && r.TileKind == kind)
            .OrderBy(r => r.LatencyCycles)
            .FirstOrDefault();

    public static void Save(IReadOnlyList<PointRow> rows, string directory, string title)
    {
        foreach (var metric in Metrics)
        {
            using var plot = Build(rows, title, metric.Label, metric.Value);
            PlotStyle.Save(plot, directory, metric.FileName, PlotStyle.Width * 3 / 2, PlotStyle.Height);
        }
    }

    internal static Plot Build(IReadOnlyList<PointRow> rows, string title, string label, Func<PointRow, double> value)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var ok = rows.Where(RowStatus.IsOk).ToList();
        if (ok.Any(r => r.PeVariant == "mac"))
            ok = ok.Where(r => r.PeVariant == "mac").ToList();
        if (ok.Count == 0)
            return PlotStyle.NoData(title);

        var kinds = ok.Select(r => r.TileKind).Distinct().Order(StringComparer.Ordinal).ToList();
        var groups = ok.Select(r => (r.Workload, r.PeCount)).Distinct()
            .OrderBy(g => g.Workload, StringComparer.Ordinal).ThenBy(g => g.PeCount).ToList();

        var plot = PlotStyle.NewPlot($"{title}: {label}");
        plot.YLabel(label);
        plot.XLabel(XLabel);
        double slot = kinds.Count + 1.0; // one empty bar width between groups
        var bars = new List<Bar>();
        for (int g = 0; g < groups.Count; g++)
        {
            for (int k = 0; k < kinds.Count; k++)
            {
                var best = Representative(ok, groups[g].Workload, groups[g].PeCount, kinds[k]);
                if (best is null)
                    continue;
                bars.Add(new Bar
                {
                    Position = g * slot + k,
                    Value = value(best),
                    FillColor = plot.Add.Palette.GetColor(k),
                    LineWidth = 0,
                });
            }
        }

        plot.Add.Bars(bars);
        for (int k = 0; k < kinds.Count; k++)
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = kinds[k], FillColor = plot.Add.Palette.GetColor(k) });
        plot.ShowLegend(Edge.Right);

        // Each group is labelled with its MAC count; the workload name is written once, under its middle group, and
        // dashed lines separate the workloads (long names under every group would overlap).
        var centres = groups.Select((_, g) => g * slot + (kinds.Count - 1) / 2.0).ToArray();
        var names = new string[groups.Count];
        foreach (var workload in groups.Select((g, i) => (g.Workload, i)).GroupBy(x => x.Workload, StringComparer.Ordinal))
        {
            var indices = workload.Select(x => x.i).ToList();
            foreach (var i in indices)
                names[i] = groups[i].PeCount.ToString(CultureInfo.InvariantCulture);
            names[indices[indices.Count / 2]] += "\n" + workload.Key;
            if (indices[0] > 0)
            {
                var separator = plot.Add.VerticalLine(indices[0] * slot - 1);
                separator.LinePattern = LinePattern.Dashed;
                separator.Color = Colors.Gray;
            }
        }

        plot.Axes.Bottom.TickGenerator = new NumericManual(centres, names);
        plot.Axes.Margins(bottom: 0);
        return plot;
    }
}
