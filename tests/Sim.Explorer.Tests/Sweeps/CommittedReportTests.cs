using Sim.Explorer.Inputs;
using Sim.Explorer.Sweeps;

namespace Sim.Explorer.Tests.Sweeps;

/// <summary>
/// reports/tpe-compare/points.csv is committed: the README's comparison table quotes it. Regenerating it must give the
/// same bytes, so any change to a model's numbers (or to the spec) fails here until the report is regenerated — and,
/// because point ids include <see cref="Sim.Arch.TileModels.ModelRevision"/>, until the revision is bumped too.
/// </summary>
public class CommittedReportTests
{
    [Fact]
    public void The_committed_engine_comparison_equals_a_fresh_run()
    {
        using var dir = new TempDirectory();
        var spec = SweepSpecYaml.Read(InputFile.Read(Path.Combine(Import.RepoPaths.Workloads, "sweeps", "tpe-compare.yaml"), "."));
        SweepRunner.Run(spec, dir.Path, 2, false);

        var committed = File.ReadAllText(Path.Combine(Import.RepoPaths.Workloads, "..", "reports", "tpe-compare", "points.csv"));
        var fresh = File.ReadAllText(Path.Combine(dir.Path, "points.csv"));
        Assert.True(committed == fresh,
            "model results changed: bump TileModels.ModelRevision, then regenerate the report with " +
            "`dotnet run --project Sim.Explorer -c Release -- sweep workloads/sweeps/tpe-compare.yaml -o reports/tpe-compare` " +
            "and update the README's comparison table from it");
    }
}
