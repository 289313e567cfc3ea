using Sim.Explorer.Plots;
using Sim.Explorer.Reports;
using Sim.Explorer.Results;

namespace Sim.Explorer.Tests.Plots;

public class EngineComparisonPlotTests
{
    private static List<PointRow> Rows()
    {
        var rows = new List<PointRow>();
        string[] kinds = ["systolic", "cube", "addertree", "matrix2d"];
        foreach (var workload in new[] { "resnet50", "llama7b_decode_b8" })
        {
            foreach (var pes in new long[] { 256, 1024, 4096 })
            {
                for (int k = 0; k < kinds.Length; k++)
                {
                    foreach (var variant in new[] { "mac", "bitweight" })
                    {
                        rows.Add(new PointRow
                        {
                            Status = "ok",
                            Workload = workload,
                            TileKind = kinds[k],
                            PeCount = pes,
                            PeVariant = variant,
                            Tile = $"{kinds[k]}-{pes}",
                            LatencyCycles = 1000 + k,
                            Utilization = 0.2 + 0.1 * k,
                            TopsPerMm2 = 1 + k,
                            TopsPerW = variant == "mac" ? 2 + k : 100,
                            OnChipTopsPerW = 3 + k,
                        });
                    }
                }
            }
        }

        return rows;
    }

    [Fact]
    public void Writes_one_chart_per_metric_with_engines_workloads_and_sizes()
    {
        using var dir = new TempDirectory();
        EngineComparisonPlot.Save(Rows(), dir.Path, "TPE compare");
        foreach (var (file, label, _) in EngineComparisonPlot.Metrics)
        {
            ImageAssert.IsPng(dir.File(file + ".png"));
            var text = ImageAssert.SvgText(dir.File(file + ".svg"));
            Assert.Contains(label, text, StringComparison.Ordinal);
            foreach (var expected in new[] { "cube", "addertree", "matrix2d", "systolic", "resnet50", "llama7b_decode_b8", "4096" })
                Assert.Contains(expected, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Baseline_pe_rows_are_drawn_when_present()
    {
        // The bit-weight rows have TOPS/W 100; with baseline rows present the axis never reaches it.
        using var plot = EngineComparisonPlot.Build(Rows(), "t", "TOPS/W", r => r.TopsPerW);
        Assert.True(plot.Axes.GetLimits().Top < 100);
    }

    [Fact]
    public void The_report_draws_engine_charts_for_several_kinds_and_the_heatmap_for_one()
    {
        using var dir = new TempDirectory();
        ResultsCsv.Write(dir.File("points.csv"), Rows());
        var files = SweepReport.Write(dir.Path, "mixed").Select(Path.GetFileName).ToList();
        Assert.Contains("engines_tops_per_w.png", files);
        Assert.DoesNotContain("utilization_heatmap.png", files);

        using var single = new TempDirectory();
        ResultsCsv.Write(single.File("points.csv"), SyntheticRows.Sweep());
        var singleFiles = SweepReport.Write(single.Path, "systolic").Select(Path.GetFileName).ToList();
        Assert.Contains("utilization_heatmap.png", singleFiles);
        Assert.DoesNotContain("engines_tops_per_w.png", singleFiles);
    }
}
