using Sim.Explorer.Plots;
using Sim.Explorer.Results;

namespace Sim.Explorer.Tests.Plots;

public class RooflinePlotTests
{
    private static PointRow Point(string workload, long pes, double bandwidth, long macs, long cycles, long dramBytes, bool pareto) => new()
    {
        PointId = $"{workload}-{pes}-{bandwidth}",
        Status = "ok",
        Workload = workload,
        PeCount = pes,
        DramBandwidthBytesPerCycle = bandwidth,
        Macs = macs,
        LatencyCycles = cycles,
        DramReadBytes = dramBytes,
        ArithIntensityMacsPerByte = (double)macs / dramBytes,
        Pareto = pareto,
    };

    [Fact]
    public void Draws_a_labelled_roof_per_top_machine_and_every_workload()
    {
        using var dir = new TempDirectory();
        var rows = new List<PointRow>
        {
            Point("cnn", 1024, 32, 1_000_000, 2000, 50_000, pareto: true),
            Point("cnn", 256, 32, 1_000_000, 5000, 40_000, pareto: true),
            Point("bert", 4096, 64, 8_000_000, 9000, 100_000, pareto: false), // not a top design: no roof of its own
            new() { PointId = "x", Status = "infeasible", Workload = "broken" },
        };

        RooflinePlot.Save(rows, dir.Path, "Roofs");

        ImageAssert.IsPng(dir.File("roofline.png"));
        var text = ImageAssert.SvgText(dir.File("roofline.svg"));
        foreach (var label in new[] { RooflinePlot.XLabel, RooflinePlot.YLabel, "roof: 1024 MACs/cycle, 32 B/cycle", "roof: 256 MACs/cycle, 32 B/cycle", "cnn", "bert" })
            Assert.Contains(label, text, StringComparison.Ordinal);
        Assert.DoesNotContain("roof: 4096", text, StringComparison.Ordinal);
        // The off-front 4096-PE point's machine is covered by the envelope (largest PE count, largest bandwidth).
        Assert.Contains("envelope of all points: 4096 MACs/cycle", text, StringComparison.Ordinal);
        Assert.DoesNotContain("broken", text, StringComparison.Ordinal);
        Assert.Equal(3, RooflinePlot.Roofs([.. rows.Take(3)]).Count); // the two front machines + the envelope
        Assert.Equal(2, RooflinePlot.Roofs([.. rows.Take(2)]).Count); // the envelope is the 1024-PE front machine: not repeated
    }

    [Fact]
    public void Without_drawable_points_it_says_so()
    {
        using var dir = new TempDirectory();
        RooflinePlot.Save([new PointRow { Status = "ok", Workload = "w" }], dir.Path, "Empty"); // no DRAM traffic: no intensity
        Assert.Contains("no ok points", ImageAssert.SvgText(dir.File("roofline.svg")), StringComparison.Ordinal);
    }
}
