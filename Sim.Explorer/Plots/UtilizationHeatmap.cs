using System.Globalization;
using ScottPlot;
using ScottPlot.Plottables;
using ScottPlot.TickGenerators;
using Sim.Explorer.Results;

namespace Sim.Explorer.Plots;

/// <summary>
/// Best utilization over two swept parameters (by default the array's rows × cols; any two spec axes, see
/// <see cref="HeatmapAxis"/>), one panel per workload, all panels in one image (utilization_heatmap.png/.svg) laid out by ScottPlot's Multiplot, two panels per line, so a sweep yields
/// one file however many workloads it has. Not-ok rows are left out; shapes with no ok row stay blank.
/// </summary>
public static class UtilizationHeatmap
{
    public const string FileName = "utilization_heatmap";
    public static readonly string XLabel = HeatmapAxis.Cols.Label;
    public static readonly string YLabel = HeatmapAxis.Rows.Label;
    public const string ColorBarLabel = "utilization";

    /// <summary>The most cells per side whose value is written in the cell.</summary>
    public const int MaxLabelledCells = 16;
    private const int PanelsPerLine = 2;
    private const int PanelWidth = 700;

    public static void Save(IReadOnlyList<PointRow> rows, string directory, string title) =>
        Save(rows, directory, title, HeatmapAxis.Rows, HeatmapAxis.Cols);

    /// <summary>The heatmap over <paramref name="rowAxis"/> (y) × <paramref name="colAxis"/> (x).</summary>
    public static void Save(IReadOnlyList<PointRow> rows, string directory, string title, HeatmapAxis rowAxis, HeatmapAxis colAxis)
    {
        var grids = UtilizationGrid.Build(rows, rowAxis, colAxis);
        if (grids.Count == 0)
        {
            using var empty = PlotStyle.NoData(title);
            PlotStyle.Save(empty, directory, FileName);
            return;
        }

        int columns = Math.Min(grids.Count, PanelsPerLine);
        int lines = (grids.Count + PanelsPerLine - 1) / PanelsPerLine;
        // Fill the grid: Multiplot clears the SVG canvas to black, and only a plot paints its cell white.
        var panels = grids.Select(g => Panel(g, title)).Concat(Enumerable.Range(0, lines * columns - grids.Count).Select(_ => Blank())).ToList();
        try
        {
            var figure = new Multiplot(panels[0]) { Layout = new ScottPlot.MultiplotLayouts.Grid(lines, columns) };
            foreach (var panel in panels.Skip(1))
                figure.AddPlot(panel);
            int width = columns == 1 ? PlotStyle.Width : columns * PanelWidth;
            PlotStyle.Save(figure, directory, FileName, width, lines * PlotStyle.Height);
        }
        finally
        {
            panels.ForEach(p => p.Dispose());
        }
    }

    internal static Plot Panel(UtilizationGrid grid, string title)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var plot = PlotStyle.NewPlot($"{title}: {grid.Workload}");
        plot.XLabel(grid.ColAxis.Label);
        plot.YLabel(grid.RowAxis.Label);

        // Cell (r, c) is centred on (c, r); flipped so the smallest array size is at the bottom like a y axis.
        var heatmap = plot.Add.Heatmap(grid.Values);
        heatmap.FlipVertically = true;
        heatmap.ManualRange = new ScottPlot.Range(0, 1); // same scale in every panel: utilization is a fraction
        heatmap.NaNCellColor = Colors.Transparent;
        heatmap.RenderStrategy = new Heatmap.RenderStrategies.Rectangles(); // crisp cells in SVG, not a smoothed bitmap
        var colorBar = plot.Add.ColorBar(heatmap);
        colorBar.Label = ColorBarLabel;
        // Fixed ticks: automatic ones are measured for a 400 px bar but drawn for the real one, so on tall panels
        // the wider labels ("0.55") ran into the bar's title.
        colorBar.Axis.TickGenerator = new NumericManual(
            [.. Enumerable.Range(0, 6).Select(i => Tick.Major(i / 5.0, (i / 5.0).ToString("0.0", CultureInfo.InvariantCulture)))]);

        // Cell labels only while they fit: past MaxLabelledCells per side (a sampled sweep's fine ranges) they overlap,
        // and the colour scale carries the values.
        bool labelled = grid.RowValues.Length <= MaxLabelledCells && grid.ColValues.Length <= MaxLabelledCells;
        for (int r = 0; labelled && r < grid.RowValues.Length; r++)
        {
            for (int c = 0; c < grid.ColValues.Length; c++)
            {
                double value = grid.Values[r, c];
                if (double.IsNaN(value))
                    continue;
                var text = plot.Add.Text(value.ToString("0.00", CultureInfo.InvariantCulture), c, r);
                text.LabelAlignment = Alignment.MiddleCenter;
                text.LabelFontSize = 13;
                text.LabelFontColor = Contrasting(heatmap.Colormap.GetColor(value, heatmap.GetRange()));
            }
        }

        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, grid.ColValues.Length).Select(i => (double)i)],
            grid.ColValues);
        plot.Axes.Left.SetTicks([.. Enumerable.Range(0, grid.RowValues.Length).Select(i => (double)i)],
            grid.RowValues);
        plot.Axes.SetLimits(-0.5, grid.ColValues.Length - 0.5, -0.5, grid.RowValues.Length - 0.5);
        plot.HideGrid(); // grid lines would cut through the cells
        return plot;
    }

    private static Plot Blank()
    {
        var plot = PlotStyle.NewPlot("");
        plot.Axes.Frameless(); // also hides the (empty) title
        plot.HideGrid();
        return plot;
    }

    /// <summary>Black on light cells, white on dark ones (Rec. 601 luma).</summary>
    internal static Color Contrasting(Color background) =>
        0.299 * background.R + 0.587 * background.G + 0.114 * background.B > 140 ? Colors.Black : Colors.White;
}
