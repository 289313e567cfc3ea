using Sim.Explorer.Inputs;
using Sim.Explorer.Results;
using Sim.Explorer.Sweeps;

namespace Sim.Explorer.Tests.Sweeps;

/// <summary>
/// Spec v2 must not move a point of an existing grid sweep: same ids in the same order, so resumed journals, merged
/// shards and committed reports keep matching. Data/default-sweep-ids.txt was written by the grid expander before v2.
/// </summary>
public class DefaultSweepIdTests
{
    [Fact]
    public void The_default_sweep_plans_the_ids_it_planned_before_spec_v2()
    {
        var spec = SweepSpecYaml.Read(InputFile.Read(Path.Combine(Import.RepoPaths.Workloads, "sweeps", "default.yaml"), "."));
        var committed = File.ReadAllLines(Path.Combine(Import.RepoPaths.Root, "tests", "Sim.Explorer.Tests", "Sweeps", "Data", "default-sweep-ids.txt"));
        Assert.Equal(committed, SweepPlan.Expand(spec).Select(p => p.Id));
    }

    [Fact]
    public void The_tile_axis_sweep_plans_the_ids_of_the_committed_report()
    {
        var spec = SweepSpecYaml.Read(InputFile.Read(Path.Combine(Import.RepoPaths.Workloads, "sweeps", "tpe-compare.yaml"), "."));
        var committed = ResultsCsv.Read<PointRow>(Path.Combine(Import.RepoPaths.Root, "reports", "tpe-compare", "points.csv"));
        Assert.Equal(committed.Select(r => r.PointId), SweepPlan.Expand(spec).Select(p => p.Id));
    }

    [Theory]
    [InlineData("resnet50-lhs.yaml", 135L, 65L)]
    [InlineData("iso-macs.yaml", 21L, 126L)]
    public void The_shipped_v2_examples_plan_their_documented_point_counts(string file, long points, long removed)
    {
        var spec = SweepSpecYaml.Read(InputFile.Read(Path.Combine(Import.RepoPaths.Workloads, "sweeps", file), "."));
        var plan = SweepPlan.Build(spec);
        Assert.Equal((points, removed), ((long)plan.Points.Count, plan.RemovedByConstraints));
    }
}
