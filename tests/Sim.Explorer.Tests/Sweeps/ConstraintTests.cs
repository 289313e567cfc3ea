using System.Text.Json;
using Sim.Explorer.Results;
using Sim.Explorer.Sweeps;

namespace Sim.Explorer.Tests.Sweeps;

public class ConstraintTests
{
    private const string LogGrid = "axes:\n  rows: {min: 4, max: 256, scale: log2}\n  cols: {min: 4, max: 256, scale: log2}\n";

    [Fact]
    public void Iso_macs_keeps_exactly_the_shapes_with_1024_pes()
    {
        var spec = SpecFixture.Load(LogGrid + "constraints:\n  - pe_count: 1024\n");
        Assert.Equal([(4, 256), (8, 128), (16, 64), (32, 32), (64, 16), (128, 8), (256, 4)], SpecFixture.Shapes(spec));
        var plan = SweepPlan.Build(spec);
        Assert.Equal(49 - 7, plan.RemovedByConstraints);
        Assert.Equal(49, plan.Draws);
    }

    [Fact]
    public void Iso_area_keeps_the_shapes_within_the_relative_tolerance()
    {
        // area_mm2 = PEs/1000 + 0.01 (fixture costs). Target 0.3 ± 10 %: 0.27..0.33 mm², i.e. 260..320 PEs. With rows
        // and cols multiples of 4 (16·a·b PEs, a, b ≤ 16): a·b ∈ {18, 20} — 288 and 320 PEs (320 sits on the bound).
        var spec = SpecFixture.Load("axes:\n  rows: {min: 4, max: 64, step: 4}\n  cols: {min: 4, max: 64, step: 4}\n" +
            "constraints:\n  - area_mm2: {target: 0.3, tolerance: 0.1}\n");
        Assert.Equal([(8, 36), (8, 40), (12, 24), (16, 20), (20, 16), (24, 12), (36, 8), (40, 8)], SpecFixture.Shapes(spec));
    }

    [Fact]
    public void Bounds_are_inclusive_and_the_first_failing_constraint_is_charged()
    {
        var spec = SpecFixture.Load("axes:\n  rows: [4, 8, 16]\n  cols: [4, 8, 16]\n" +
            "constraints:\n  - aspect_ratio: {max: 2}\n  - pe_count: {min: 64}\n");
        Assert.Equal([(8, 8), (8, 16), (16, 8), (16, 16)], SpecFixture.Shapes(spec));
        var plan = SweepPlan.Build(spec);
        // aspect > 2: (4,16), (16,4); then of the rest PEs < 64: (4,4), (4,8), (8,4).
        Assert.Equal([2L, 3L], plan.RemovedBy.Select(r => r.Removed));
    }

    [Fact]
    public void Constraints_can_test_sram_and_any_numeric_axis()
    {
        var spec = SpecFixture.Load("axes:\n  ifmap_kb: [4, 8, 16]\n  dram_latency_cycles: [0, 100]\n" +
            "constraints:\n  - sram_kb: {max: 20}\n  - dram_latency_cycles: 100\n");
        Assert.Equal([(4.0, 100L), (8.0, 100L)], SweepPlan.Expand(spec).Select(p => (p.Arch.Scratchpad.IfmapKb, p.Arch.Dram.LatencyCycles)));
    }

    [Fact]
    public void Random_sampling_draws_until_enough_archs_meet_the_constraints()
    {
        var plan = SweepPlan.Build(SpecFixture.Load(LogGrid + "sampling: {method: random, points: 6}\nconstraints:\n  - pe_count: 1024\n"));
        Assert.All(plan.Points, p => Assert.Equal(1024, p.Arch.Tile.PeCount));
        Assert.Equal(6, plan.Points.Count + plan.Duplicates);
        Assert.Equal(plan.Draws - 6, plan.RemovedByConstraints);
        Assert.True(plan.Draws > 6);
    }

    [Fact]
    public void Random_sampling_gives_up_with_an_input_error_when_the_constraints_are_too_tight()
    {
        var e = SpecFixture.Error(LogGrid + "sampling: {method: random, points: 2}\nconstraints:\n  - pe_count: {min: 100000}\n");
        Assert.Contains("sweep.yaml:12:11: field 'sampling': after 2000 random draws only 0 of 2 archs met the constraints ('pe_count >= 100000' removed 2000). Fix: loosen", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_constraint_that_removes_every_point_is_named_where_it_is_written()
    {
        var e = SpecFixture.Error(LogGrid + "constraints:\n  - aspect_ratio: {max: 4}\n  - pe_count: 1000\n");
        // aspect ≤ 4 keeps the 29 shapes whose log2 sides differ by ≤ 2 (7 + 12 + 10) and removes 20; no shape has 1000 PEs.
        Assert.Contains("sweep.yaml:14:5: field 'constraints[1]': the constraints remove every point ('aspect_ratio <= 4' removed 20, 'pe_count = 1000' removed 29); 'pe_count = 1000' removed the most. Fix:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_constrained_sweep_simulates_and_writes_only_the_kept_points_and_counts_the_rest()
    {
        using var dir = new TempDirectory();
        var spec = SpecFixture.Load(dir, LogGrid + "constraints:\n  - pe_count: 1024\n");
        var output = Path.Combine(dir.Path, "out");
        var outcome = SweepRunner.Run(spec, output, 2, false);
        Assert.Equal(7, outcome.Computed);
        Assert.Equal(7, ResultsCsv.Read<PointRow>(Path.Combine(output, "points.csv")).Count);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "manifest.json")));
        var constraint = manifest.RootElement.GetProperty("constraints")[0];
        Assert.Equal("pe_count = 1024", constraint.GetProperty("constraint").GetString());
        Assert.Equal(42, constraint.GetProperty("points_removed").GetInt32());
        Assert.Equal(42, manifest.RootElement.GetProperty("points_removed_by_constraints").GetInt32());
        Assert.Equal(7, manifest.RootElement.GetProperty("points").GetInt32());
    }
}
