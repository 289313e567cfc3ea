using ScottPlot;
using ScottPlot.TickGenerators;
using Sim.Explorer.Analysis;
using Sim.Explorer.Results;

namespace Sim.Explorer.Plots;

/// <summary>
/// One objective against another, one colour per workload: every ok point faded, the workload's 2-D Pareto front of
/// the pair (each objective in its own direction) highlighted and joined. An axis is logarithmic when its values span
/// more than a decade (powers of two get log2 ticks). The front is recomputed from the rows with
/// <see cref="ParetoFront"/> (not read from the pareto column, which is over all objectives) so each figure shows the
/// front of its own pair. The default pair (latency against PE count) keeps the file name pareto.
/// </summary>
public static class ParetoPlot
{
    public const string FileName = "pareto";
    public const string XLabel = "PE count (rows × cols)";
    public const string YLabel = "Latency (cycles, log scale)";

    /// <summary>Axis names for the metrics whose column name is not self-explanatory.</summary>
    private static readonly Dictionary<string, string> s_names = new(StringComparer.Ordinal)
    {
        ["pe_count"] = "PE count",
        ["latency_cycles"] = "Latency",
        ["energy_pj"] = "Energy",
        ["area_mm2"] = "Area",
        ["tops_per_w"] = "TOPS/W",
        ["tops_per_mm2"] = "TOPS per mm² of MACs",
        ["edp_pj_cycles"] = "Energy-delay product",
        ["utilization"] = "Utilization",
    };

    /// <summary>pareto for latency against PE count (the default objectives), else pareto_&lt;y&gt;_vs_&lt;x&gt;.</summary>
    public static string FileNameFor(Objective y, Objective x)
    {
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(x);
        return y == Objective.Defaults[0] && x == Objective.Defaults[1] ? FileName : $"pareto_{y.Name}_vs_{x.Name}";
    }

    /// <summary>
    /// The figures for the first three objectives taken in pairs: objective i on y against objective j on x (i &lt; j),
    /// so the default objectives draw latency against PE count. Returns the file names (no extension).
    /// </summary>
    public static IReadOnlyList<string> SaveAll(IReadOnlyList<PointRow> rows, string directory, string title, IReadOnlyList<Objective> objectives)
    {
        ArgumentNullException.ThrowIfNull(objectives);
        var names = new List<string>();
        var first = objectives.Take(3).ToList();
        for (int i = 0; i < first.Count; i++)
        {
            for (int j = i + 1; j < first.Count; j++)
            {
                var name = FileNameFor(first[i], first[j]);
                // The default pair keeps its old title, so pareto.png stays what it was.
                var heading = name == FileName ? title : $"{title}: {Name(first[i])} vs {Name(first[j])}";
                using var plot = Build(rows, heading, first[i], first[j]);
                PlotStyle.Save(plot, directory, name);
                names.Add(name);
            }
        }

        return names;
    }

    /// <summary>Writes pareto.png and pareto.svg for the default objectives.</summary>
    public static void Save(IReadOnlyList<PointRow> rows, string directory, string title)
    {
        using var plot = Build(rows, title, Objective.Defaults[0], Objective.Defaults[1]);
        PlotStyle.Save(plot, directory, FileName);
    }

    internal static Plot Build(IReadOnlyList<PointRow> rows, string title) => Build(rows, title, Objective.Defaults[0], Objective.Defaults[1]);

    internal static Plot Build(IReadOnlyList<PointRow> rows, string title, Objective y, Objective x)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(x);
        var ok = rows.Where(r => RowStatus.IsOk(r) && double.IsFinite(x.Metric.Value(r)) && double.IsFinite(y.Metric.Value(r))).ToList();
        if (ok.Count == 0)
            return PlotStyle.NoData(title);
        var xAxis = PlotAxis.For(ok.Select(x.Metric.Value).ToList());
        var yAxis = PlotAxis.For(ok.Select(y.Metric.Value).ToList());
        // A log axis cannot show zero or negatives; such rows are left out of a log figure.
        ok = ok.Where(r => xAxis.CanShow(x.Metric.Value(r)) && yAxis.CanShow(y.Metric.Value(r))).ToList();

        var plot = PlotStyle.NewPlot(title);
        plot.XLabel(Label(x, xAxis));
        plot.YLabel(Label(y, yAxis));
        var workloads = ok.Select(r => r.Workload).Distinct().Order(StringComparer.Ordinal).ToList();
        for (int w = 0; w < workloads.Count; w++)
        {
            var members = ok.Where(r => r.Workload == workloads[w]).ToList();
            var color = plot.Add.Palette.GetColor(w);
            double[] xs = [.. members.Select(r => xAxis.Transform(x.Metric.Value(r)))];
            double[] ys = [.. members.Select(r => yAxis.Transform(y.Metric.Value(r)))];
            var all = plot.Add.ScatterPoints(xs, ys, color.WithAlpha(0.55));
            all.MarkerSize = 6;
            all.LegendText = workloads[w];

            var front = ParetoFront.Indices([.. members.Select(r => (x.Cost(r), y.Cost(r)))]);
            var line = plot.Add.Scatter(front.Select(i => xs[i]).ToArray(), front.Select(i => ys[i]).ToArray(), color);
            line.MarkerSize = 11;
            line.LineWidth = 2;
            line.LegendText = workloads[w] + " Pareto front";
        }

        xAxis.Apply(plot, horizontal: true, ok.Select(x.Metric.Value).ToList());
        yAxis.Apply(plot, horizontal: false, ok.Select(y.Metric.Value).ToList());
        plot.ShowLegend(Edge.Right); // outside the data area, so it never hides points
        return plot;
    }

    /// <summary>"Latency (cycles, log scale)", "tops_per_w (TOPS/W, higher is better)"…</summary>
    public static string Label(Objective objective, PlotAxis axis)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(axis);
        var name = Name(objective);
        var unit = objective.Name == "pe_count" ? "rows × cols" : objective.Metric.Unit;
        var notes = new List<string>();
        if (unit != name)
            notes.Add(unit);
        if (axis.Log && !axis.Base2) // doubling ticks (8, 16, 32…) show a log2 axis by themselves
            notes.Add("log scale");
        if (objective.Maximize)
            notes.Add("higher is better");
        return notes.Count == 0 ? name : $"{name} ({string.Join(", ", notes)})";
    }

    private static string Name(Objective objective) => s_names.GetValueOrDefault(objective.Name, objective.Name);
}
