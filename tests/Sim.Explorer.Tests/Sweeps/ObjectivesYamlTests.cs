using Sim.Explorer.Analysis;
using Sim.Explorer.Results;
using Sim.Explorer.Sweeps;

namespace Sim.Explorer.Tests.Sweeps;

public class ObjectivesYamlTests
{
    [Fact]
    public void Names_take_their_metrics_direction_and_mappings_may_override_it()
    {
        var spec = SpecFixture.Load("objectives:\n  - latency_cycles\n  - tops_per_w\n  - {metric: energy_pj}\n  - {metric: utilization, goal: min}\n");
        Assert.Equal(["min latency_cycles", "max tops_per_w", "min energy_pj", "min utilization"], spec.Objectives.Select(o => o.ToString()));
    }

    [Fact]
    public void Without_objectives_the_sweep_keeps_latency_against_pe_count() =>
        Assert.Same(Objective.Defaults, SpecFixture.Load("axes: {rows: [4, 8]}\n").Objectives);

    [Fact]
    public void The_sweep_marks_the_front_of_its_own_objectives()
    {
        // One objective, energy: the front is the single cheapest point. The default front would hold more.
        using var dir = new TempDirectory();
        var spec = SpecFixture.Load(dir, "axes:\n  rows: [4, 8, 16]\n  cols: [4, 8, 16]\nobjectives: [energy_pj]\n");
        var output = Path.Combine(dir.Path, "out");
        SweepRunner.Run(spec, output, 1, false);
        var rows = ResultsCsv.Read<PointRow>(Path.Combine(output, "points.csv"));
        var cheapest = rows.MinBy(r => r.EnergyPj)!;
        Assert.Equal([cheapest.PointId], rows.Where(r => r.Pareto).Select(r => r.PointId));
    }
}
