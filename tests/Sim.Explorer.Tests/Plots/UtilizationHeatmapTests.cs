using System.Text.RegularExpressions;
using ScottPlot;
using Sim.Explorer.Plots;

namespace Sim.Explorer.Tests.Plots;

public class UtilizationHeatmapTests
{
    [Fact]
    public void Writes_one_figure_with_a_labelled_panel_per_workload_and_a_number_per_filled_cell()
    {
        using var dir = new TempDirectory();
        var rows = SyntheticRows.Sweep();

        UtilizationHeatmap.Save(rows, dir.Path, "Best utilization");

        ImageAssert.IsPng(dir.File("utilization_heatmap.png"));
        string text = ImageAssert.SvgText(dir.File("utilization_heatmap.svg"));
        foreach (var label in new[] { "Best utilization: resnet18", "Best utilization: bert-base", "utilization", "array rows", "array cols", "128" })
            Assert.Contains(label, text, StringComparison.Ordinal);

        // 25 shapes per workload; bert-base's 128×8 has no ok point and stays blank.
        int cellNumbers = text.Split('\n').Count(t => Regex.IsMatch(t, @"^\d\.\d\d$"));
        Assert.Equal(25 + 24, cellNumbers);
    }

    [Fact]
    public void A_single_workload_is_a_single_panel()
    {
        using var dir = new TempDirectory();
        UtilizationHeatmap.Save([.. SyntheticRows.Sweep().Where(r => r.Workload == "resnet18")], dir.Path, "One");

        ImageAssert.IsPng(dir.File("utilization_heatmap.png"));
        string text = ImageAssert.SvgText(dir.File("utilization_heatmap.svg"));
        Assert.Contains("One: resnet18", text, StringComparison.Ordinal);
        Assert.DoesNotContain("bert-base", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Cell_numbers_contrast_with_the_cell()
    {
        Assert.Equal(Colors.Black, UtilizationHeatmap.Contrasting(new Color(253, 231, 37)));  // viridis yellow
        Assert.Equal(Colors.White, UtilizationHeatmap.Contrasting(new Color(68, 1, 84)));     // viridis purple
    }

    [Fact]
    public void Other_axes_label_the_panels_and_ticks()
    {
        using var dir = new TempDirectory();
        UtilizationHeatmap.Save(SyntheticRows.Sweep(), dir.Path, "By dataflow", HeatmapAxis.Find("dataflow")!, HeatmapAxis.Cols);

        string text = ImageAssert.SvgText(dir.File("utilization_heatmap.svg"));
        foreach (var label in new[] { "dataflow", "array cols", "os", "ws", "is" })
            Assert.Contains(text.Split('\n'), t => t == label);
        Assert.DoesNotContain("array rows", text, StringComparison.Ordinal);
        // 3 dataflows × 5 cols per workload, each the best over the 5 row counts.
        Assert.Equal(15 + 15, text.Split('\n').Count(t => Regex.IsMatch(t, @"^\d\.\d\d$")));
    }
}
