using Sim.Explorer.Analysis;
using Sim.Explorer.Results;
using Sim.Explorer.Sweeps;
using Sim.Explorer.Tests.Sweeps;

namespace Sim.Explorer.Tests.Analysis;

public class RooflineTests(SmallSweep sweep) : IClassFixture<SmallSweep>
{
    [Fact]
    public void Roof_is_the_bandwidth_slope_left_of_the_ridge_and_the_peak_right_of_it()
    {
        // 32×32 PEs = 1024 MACs/cycle, 32 B/cycle: ridge at 1024 / 32 = 32 MACs/B.
        var roof = new Roofline(1024, 32);
        Assert.Equal(32, roof.RidgeMacsPerByte);
        Assert.Equal(256, roof.Attainable(8));      // 32 B/cycle · 8 MACs/B
        Assert.Equal(1024, roof.Attainable(32));    // at the ridge both limits meet
        Assert.Equal(1024, roof.Attainable(100));   // compute-bound: the peak
        Assert.Equal(16, roof.Attainable(0.5));
    }

    [Fact]
    public void A_points_machine_and_achieved_rate_come_from_its_row()
    {
        var row = new PointRow { PeCount = 256, DramBandwidthBytesPerCycle = 16, Macs = 1_000_000, LatencyCycles = 8000 };
        Assert.Equal(new Roofline(256, 16), Roofline.Of(row));
        Assert.Equal(125, Roofline.AchievedMacsPerCycle(row));
        Assert.Equal(0, Roofline.AchievedMacsPerCycle(new PointRow()));
    }

    [Fact]
    public void At_most_max_machines_evenly_spread_smallest_and_largest_kept()
    {
        var rows = Enumerable.Range(0, 10).Select(i => new PointRow { PeCount = 16L << i, DramBandwidthBytesPerCycle = 8 })
            .Concat([new PointRow { PeCount = 16, DramBandwidthBytesPerCycle = 8 }]).ToList(); // a duplicate machine
        Assert.Equal(10, Roofline.Distinct(rows, 20).Count);
        var six = Roofline.Distinct(rows, 6); // indices round(i · 9 / 5): 0, 2, 4, 5, 7, 9
        Assert.Equal([16.0, 64, 256, 512, 2048, 8192], six.Select(r => r.PeakMacsPerCycle));
        Assert.Equal(8192, Assert.Single(Roofline.Distinct(rows, 1)).PeakMacsPerCycle);
    }

    [Fact]
    public void Every_simulated_point_lies_on_or_under_its_own_machines_roof()
    {
        // The models must respect both limits: no more MACs per cycle than PEs, no more DRAM bytes than bandwidth × time.
        var points = ResultsCsv.Read<PointRow>(sweep.File(SweepTables.PointsFile)).Where(RowStatus.IsOk).ToList();
        Assert.NotEmpty(points);
        foreach (var p in points)
        {
            var achieved = Roofline.AchievedMacsPerCycle(p);
            Assert.True(achieved <= Roofline.Of(p).Attainable(p.ArithIntensityMacsPerByte) * (1 + 1e-12),
                $"{p.PointId}: {achieved} MACs/cycle above the roof at AI {p.ArithIntensityMacsPerByte}");
        }
    }
}
