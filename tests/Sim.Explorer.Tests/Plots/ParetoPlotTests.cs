using Sim.Explorer.Plots;
using Sim.Explorer.Results;

namespace Sim.Explorer.Tests.Plots;

public class ParetoPlotTests
{
    [Fact]
    public void Writes_png_and_svg_with_labels_title_and_workloads()
    {
        using var dir = new TempDirectory();
        var rows = SyntheticRows.Sweep();
        rows.Add(new PointRow { Workload = "never-ran", Status = "failed", Reason = "crash", PeCount = 64, LatencyCycles = 5 });

        ParetoPlot.Save(rows, dir.Path, "Systolic sweep");

        ImageAssert.IsPng(dir.File("pareto.png"));
        string text = ImageAssert.SvgText(dir.File("pareto.svg"));
        Assert.Contains(ParetoPlot.XLabel, text, StringComparison.Ordinal);
        Assert.Contains(ParetoPlot.YLabel, text, StringComparison.Ordinal);
        Assert.Contains("Systolic sweep", text, StringComparison.Ordinal);
        Assert.Contains("resnet18", text, StringComparison.Ordinal);
        Assert.Contains("bert-base Pareto front", text, StringComparison.Ordinal);
        Assert.Contains("16384", text, StringComparison.Ordinal); // a readable log2 tick
        Assert.Contains("1M", text, StringComparison.Ordinal);    // a readable log10 tick
        Assert.DoesNotContain("never-ran", text, StringComparison.Ordinal); // failed rows are not plotted
    }

    [Fact]
    public void Without_ok_rows_it_still_writes_both_files()
    {
        using var dir = new TempDirectory();
        ParetoPlot.Save([new PointRow { Workload = "w", Status = "infeasible" }], dir.Path, "Empty sweep");

        Assert.True(File.Exists(dir.File("pareto.png")));
        Assert.Contains("no ok points", ImageAssert.SvgText(dir.File("pareto.svg")), StringComparison.Ordinal);
    }
}
