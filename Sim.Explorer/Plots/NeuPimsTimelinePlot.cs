using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;
using Sim.Explorer.Results;

namespace Sim.Explorer.Plots;

/// <summary>
/// Gantt chart of one decoder layer's steady state for several points (e.g. the three modes at one batch): a lane per
/// (point, resource), a bar per busy interval, coloured by the op it runs; idle time is the gaps.
/// </summary>
public static class NeuPimsTimelinePlot
{
    public static void Save(IReadOnlyList<TimelineRow> segments, IReadOnlyList<string> pointIds, string directory, string fileName, string title)
    {
        using var plot = Build(segments, pointIds, title);
        PlotStyle.Save(plot, directory, fileName);
    }

    internal static Plot Build(IReadOnlyList<TimelineRow> segments, IReadOnlyList<string> pointIds, string title)
    {
        ArgumentNullException.ThrowIfNull(segments);
        ArgumentNullException.ThrowIfNull(pointIds);
        var shown = segments.Where(s => pointIds.Contains(s.PointId) && s.EndCycle > s.StartCycle).ToList();
        if (shown.Count == 0)
            return PlotStyle.NoData(title);
        var plot = PlotStyle.NewPlot(title);
        plot.XLabel("cycles into the layer (steady state)");
        // Lane 0 is drawn at the bottom: list the last point first so the chart reads top-down in the given order.
        var lanes = pointIds.Reverse().SelectMany(p => new[] { (Point: p, Resource: "pim"), (Point: p, Resource: "npu") })
            .Where(l => shown.Any(s => s.PointId == l.Point && s.Resource == l.Resource)).ToList();
        var labels = shown.Select(s => s.Label).Distinct(StringComparer.Ordinal).ToList();
        var bars = new List<Bar>();
        foreach (var s in shown)
        {
            var lane = lanes.IndexOf((s.PointId, s.Resource));
            bars.Add(new Bar
            {
                Position = lane,
                ValueBase = s.StartCycle,
                Value = s.EndCycle,
                FillColor = plot.Add.Palette.GetColor(labels.IndexOf(s.Label)),
                LineWidth = 0.5f,
                LineColor = Colors.White,
                Size = 0.7,
            });
        }

        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        for (int i = 0; i < labels.Count; i++)
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = labels[i], FillColor = plot.Add.Palette.GetColor(i) });
        plot.ShowLegend(Edge.Right);
        plot.Axes.Left.TickGenerator = new NumericManual(
            lanes.Select((_, i) => (double)i).ToArray(),
            lanes.Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Point} {l.Resource.ToUpperInvariant()}")).ToArray());
        plot.Axes.SetLimits(0, shown.Max(s => s.EndCycle) * 1.02, -0.6, lanes.Count - 0.4);
        return plot;
    }
}
