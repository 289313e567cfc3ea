using Sim.Core.Workloads;
using Sim.Explorer.Import.Timeloop;
using Sim.Explorer.Inputs;

namespace Sim.Explorer.Tests.Import.Timeloop;

/// <summary>`sim run ARCH problem.yaml` reads a Timeloop problem; Sim's own workload YAML still goes to its reader.</summary>
public class TimeloopInputRoutingTests
{
    [Fact]
    public void Yaml_with_a_top_level_problem_key_is_read_as_timeloop()
    {
        var workload = InputLoaders.LoadWorkload(new InputFile("mm.yaml", "problem:\n  shape: gemm_ABZ\n  M: 2\n  N: 3\n  K: 4\n", false));

        var gemm = Assert.IsType<Gemm>(Assert.Single(workload.Ops));
        Assert.Equal(("mm", 2L, 3L, 4L), (gemm.Name, gemm.M, gemm.N, gemm.K));
    }

    [Fact]
    public void Sims_own_workloads_are_not_mistaken_for_timeloop()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Workloads, "dnn"), "*.yaml"))
            Assert.False(TimeloopProblemImporter.IsTimeloopProblem(File.ReadAllText(file)), file);
        Assert.True(TimeloopProblemImporter.IsTimeloopProblem("{{include_text('x')}}\nproblem:\n  <<<: *base\n"));
        Assert.False(TimeloopProblemImporter.IsTimeloopProblem("name: n\nops:\n  - problem: 1\n"));
    }
}
