using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;
using Sim.Explorer.Analysis;
using Sim.Explorer.Results;

namespace Sim.Explorer.Plots;

/// <summary>
/// Where the time and the energy of the best designs go, from breakdown.csv: for each workload, the best design by
/// each objective (ties: the first in plan order; a design best by several objectives is one bar), at most
/// <see cref="MaxBars"/> bars in all, each a stack of its components' shares (latency: compute, stall; energy: mac,
/// accumulator, sram, dram, vector) with the total under the bar. Shares, not absolute values, so designs of workloads
/// of very different sizes share one axis.
/// </summary>
public static class BreakdownPlot
{
    public const string LatencyFile = "breakdown_latency";
    public const string EnergyFile = "breakdown_energy";
    public const int MaxBars = 8;

    /// <summary>A bar: the design, and what it is best at ("min latency_cycles, min pe_count").</summary>
    public sealed record Design(PointRow Point, string BestAt);

    public static IReadOnlyList<string> Save(IReadOnlyList<PointRow> points, IReadOnlyList<BreakdownRow> breakdown, IReadOnlyList<Objective> objectives,
        string directory, string title)
    {
        var all = Best(points, objectives);
        var designs = all.Take(MaxBars).ToList();
        // Say so when bars were left out (whole workloads can be), rather than drop them silently.
        var shown = designs.Count < all.Count ? string.Create(CultureInfo.InvariantCulture, $" (first {designs.Count} of {all.Count})") : "";
        using (var latency = Build(designs, breakdown, Breakdowns.Latency, Breakdowns.LatencyComponents, $"{title}: latency breakdown of the best designs{shown}"))
            PlotStyle.Save(latency, directory, LatencyFile, PlotStyle.Width * 3 / 2, PlotStyle.Height);
        using (var energy = Build(designs, breakdown, Breakdowns.Energy, Breakdowns.EnergyComponents, $"{title}: energy breakdown of the best designs{shown}"))
            PlotStyle.Save(energy, directory, EnergyFile, PlotStyle.Width * 3 / 2, PlotStyle.Height);
        return [LatencyFile, EnergyFile];
    }

    /// <summary>The bars: per workload (ordinal order), the best ok point by each objective, in objective order.</summary>
    public static IReadOnlyList<Design> Best(IReadOnlyList<PointRow> points, IReadOnlyList<Objective> objectives)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(objectives);
        var designs = new List<Design>();
        foreach (var workload in points.Where(RowStatus.IsOk).GroupBy(p => p.Workload, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var best = new List<(PointRow Point, List<string> BestAt)>();
            // Among the front's designs (all ok ones if none is marked), ties broken by the other objectives in order,
            // then plan order: the bar is never a dominated design and does not depend on how the axes were listed.
            var front = workload.Where(p => p.Pareto).ToList();
            var candidates = front.Count > 0 ? front : [.. workload];
            foreach (var objective in objectives)
            {
                var ranked = candidates.OrderBy(objective.Cost);
                foreach (var other in objectives.Where(o => o != objective))
                    ranked = ranked.ThenBy(other.Cost);
                var point = ranked.First();
                var existing = best.FindIndex(b => ReferenceEquals(b.Point, point));
                if (existing >= 0)
                    best[existing].BestAt.Add(objective.ToString());
                else
                    best.Add((point, [objective.ToString()]));
            }

            designs.AddRange(best.Select(b => new Design(b.Point, string.Join(", ", b.BestAt))));
        }

        return designs;
    }

    internal static Plot Build(IReadOnlyList<Design> designs, IReadOnlyList<BreakdownRow> breakdown, string metric, IReadOnlyList<string> components, string title)
    {
        ArgumentNullException.ThrowIfNull(designs);
        ArgumentNullException.ThrowIfNull(breakdown);
        if (designs.Count == 0)
            return PlotStyle.NoData(title);
        var byPoint = breakdown.Where(b => b.Metric == metric).ToLookup(b => b.PointId, StringComparer.Ordinal);
        var plot = PlotStyle.NewPlot(title);
        plot.YLabel($"share of {metric}");
        var bars = new List<Bar>();
        var labels = new string[designs.Count];
        for (int d = 0; d < designs.Count; d++)
        {
            var parts = byPoint[designs[d].Point.PointId].ToList();
            double baseline = 0;
            for (int c = 0; c < components.Count; c++)
            {
                var share = parts.FirstOrDefault(p => p.Component == components[c])?.Share ?? 0;
                if (share > 0)
                    bars.Add(new Bar { Position = d, ValueBase = baseline, Value = baseline + share, FillColor = plot.Add.Palette.GetColor(c), LineWidth = 0 });
                baseline += share;
            }

            var total = parts.Sum(p => p.Value);
            var unit = parts.FirstOrDefault()?.Unit ?? "";
            var point = designs[d].Point;
            labels[d] = $"{point.Workload}\n{point.Tile}{(point.PeVariant is "mac" or "" ? "" : " " + point.PeVariant)}\n{designs[d].BestAt}\n{LogTicks.FormatSi(total)} {unit}";
        }

        plot.Add.Bars(bars);
        for (int c = 0; c < components.Count; c++)
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = components[c], FillColor = plot.Add.Palette.GetColor(c) });
        plot.ShowLegend(Edge.Right);
        plot.Axes.Bottom.TickGenerator = new NumericManual([.. Enumerable.Range(0, designs.Count).Select(i => (double)i)], labels);
        plot.Axes.SetLimits(-0.6, designs.Count - 0.4, 0, 1.02);
        return plot;
    }
}
