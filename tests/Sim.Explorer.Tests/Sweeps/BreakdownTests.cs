using CsCheck;
using Sim.Explorer.Analysis;
using Sim.Explorer.Results;
using Sim.Explorer.Sweeps;

namespace Sim.Explorer.Tests.Sweeps;

public class BreakdownTests(SmallSweep sweep) : IClassFixture<SmallSweep>
{
    private readonly List<PointRow> _points = ResultsCsv.Read<PointRow>(sweep.File(SweepTables.PointsFile));
    private readonly List<LayerRow> _layers = ResultsCsv.Read<LayerRow>(sweep.File(SweepTables.LayersFile));
    private readonly List<BreakdownRow> _breakdown = ResultsCsv.Read<BreakdownRow>(sweep.File(SweepTables.BreakdownFile));

    private double Sum(PointRow point, string metric) =>
        _breakdown.Where(b => b.PointId == point.PointId && b.Metric == metric).Sum(b => b.Value);

    [Fact]
    public void The_small_sweep_has_ok_points_with_every_op_kind_and_cost_component()
    {
        Assert.True(_points.Count(RowStatus.IsOk) >= 24, $"only {_points.Count(RowStatus.IsOk)} ok points");
        Assert.Equal(["attention", "conv2d", "gemm", "vector"],
            _breakdown.Where(b => b.Metric == Breakdowns.LatencyByOpKind).Select(b => b.Component).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(Breakdowns.EnergyComponents, _breakdown.Where(b => b.Metric == Breakdowns.Energy).Select(b => b.Component).Distinct());
        foreach (var component in new[] { "mac", "sram", "dram", "vector" }) // a systolic array has no separate accumulator
            Assert.Contains(_breakdown, b => b.Metric == Breakdowns.Energy && b.Component == component && b.Value > 0);
        Assert.Contains(_breakdown, b => b.Metric == Breakdowns.Latency && b.Component == "stall" && b.Value > 0);
    }

    [Fact]
    public void Components_add_up_to_the_points_csv_totals_for_every_ok_point()
    {
        foreach (var point in _points.Where(RowStatus.IsOk))
        {
            // Integer metrics add up exactly (the values are integers well under 2^53).
            Assert.Equal(point.LatencyCycles, Sum(point, Breakdowns.Latency));
            Assert.Equal(point.LatencyCycles, Sum(point, Breakdowns.LatencyByOpKind));
            Assert.Equal(point.DramReadBytes + point.DramWriteBytes, Sum(point, Breakdowns.Dram));
            Assert.Equal(point.SramReadWords + point.SramWriteWords, Sum(point, Breakdowns.Sram));
            // energy_pj is summed layer by layer, its parts column by column: equal up to rounding of the last bits.
            Assert.Equal(point.EnergyPj, Sum(point, Breakdowns.Energy), point.EnergyPj * 1e-12);

            foreach (var metric in Breakdowns.Metrics.Select(m => m.Metric))
            {
                var parts = _breakdown.Where(b => b.PointId == point.PointId && b.Metric == metric).ToList();
                Assert.NotEmpty(parts);
                Assert.All(parts, p => Assert.Equal(point.Workload, p.Workload));
                Assert.All(parts, p => Assert.InRange(p.Share, 0, 1));
                Assert.Equal(1.0, parts.Sum(p => p.Share), 1e-9);
            }
        }
    }

    [Fact]
    public void Op_kind_rows_are_the_layers_total_cycles_and_not_ok_points_have_no_rows()
    {
        var point = _points.First(p => RowStatus.IsOk(p) && p.Workload == "tiny-attn");
        var attention = _layers.Single(l => l.PointId == point.PointId && l.OpKind == "attention");
        var row = _breakdown.Single(b => b.PointId == point.PointId && b.Metric == Breakdowns.LatencyByOpKind && b.Component == "attention");
        Assert.Equal(attention.TotalCycles, row.Value);
        Assert.Equal("cycles", row.Unit);
        Assert.Equal((double)attention.TotalCycles / point.LatencyCycles, row.Share);

        var okIds = _points.Where(RowStatus.IsOk).Select(p => p.PointId).ToHashSet(StringComparer.Ordinal);
        Assert.All(_breakdown, b => Assert.Contains(b.PointId, okIds));
    }

    [Fact]
    public void Rows_follow_plan_order_and_a_fixed_metric_and_component_order()
    {
        var ids = _breakdown.Select(b => b.PointId).Distinct().ToList();
        Assert.Equal(_points.Where(RowStatus.IsOk).Select(p => p.PointId), ids);
        var first = _breakdown.Where(b => b.PointId == ids[0]).Select(b => $"{b.Metric}/{b.Component}").Take(11);
        Assert.Equal(
            ["latency_cycles/compute", "latency_cycles/stall", "energy_pj/mac", "energy_pj/accumulator", "energy_pj/sram", "energy_pj/dram",
             "energy_pj/vector", "dram_bytes/read", "dram_bytes/write", "sram_words/read", "sram_words/write"], first);
    }

    [Fact]
    public void Share_is_zero_when_the_total_is_zero()
    {
        var idle = new PointRow { PointId = "p", Workload = "w", Status = RowStatus.Ok };
        var rows = Breakdowns.Of(idle, [new LayerRow { PointId = "p", OpKind = "opaque" }]).ToList();
        Assert.Equal(12, rows.Count);
        Assert.All(rows, r => Assert.Equal(0, r.Share));
        Assert.All(rows, r => Assert.Equal(0, r.Value));
    }

    [Fact]
    public void Any_totals_split_exactly_and_op_kind_rows_sum_the_layers()
    {
        // Integer totals up to 2^40 (far past any sweep) and any layer split: integer parts add up exactly, shares to 1.
        Gen.Select(Gen.Long[0, 1L << 40], Gen.Long[0, 1L << 40], Gen.Long[0, 1L << 40].Array[1, 6], Gen.Long[0, 1L << 40])
            .Sample((compute, stall, layerCycles, dramWrite) =>
            {
                var point = new PointRow
                {
                    PointId = "p",
                    Status = RowStatus.Ok,
                    ComputeCycles = compute,
                    StallCycles = stall,
                    LatencyCycles = layerCycles.Sum(),
                    DramReadBytes = compute,
                    DramWriteBytes = dramWrite,
                };
                var layers = layerCycles.Select((c, i) => new LayerRow { PointId = "p", OpKind = i % 2 == 0 ? "gemm" : "vector", TotalCycles = c });
                var rows = Breakdowns.Of(point, layers).ToList();
                double Total(string metric) => rows.Where(r => r.Metric == metric).Sum(r => r.Value);
                return Total(Breakdowns.Latency) == compute + stall
                    && Total(Breakdowns.LatencyByOpKind) == layerCycles.Sum()
                    && Total(Breakdowns.Dram) == compute + dramWrite
                    && rows.Where(r => r.Metric == Breakdowns.LatencyByOpKind).All(r => r.Share is >= 0 and <= 1);
            });
    }
}
