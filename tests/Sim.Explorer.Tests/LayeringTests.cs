using System.Reflection;

namespace Sim.Explorer.Tests;

/// <summary>Dependencies point one way: Core ← Arch ← Mapping ← Explorer.</summary>
public class LayeringTests
{
    private static string[] SimReferences(Assembly assembly) =>
        assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("Sim.", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void Each_project_references_only_the_layers_below_it()
    {
        Assert.Empty(SimReferences(typeof(Core.Workloads.Op).Assembly));
        Assert.Equal(["Sim.Core"], SimReferences(typeof(Arch.ITileModel).Assembly));
        Assert.Equal(["Sim.Arch", "Sim.Core"], SimReferences(typeof(Mapping.DataflowMapper).Assembly));
    }

    [Fact]
    public void Only_mapping_and_up_may_use_solvers_and_only_explorer_touches_plots_and_csv()
    {
        static bool Uses(Assembly a, string prefix) => a.GetReferencedAssemblies().Any(r => r.Name!.StartsWith(prefix, StringComparison.Ordinal));
        foreach (var lower in new[] { typeof(Core.Workloads.Op).Assembly, typeof(Arch.ITileModel).Assembly, typeof(Mapping.DataflowMapper).Assembly })
        {
            Assert.False(Uses(lower, "ScottPlot"), lower.GetName().Name);
            Assert.False(Uses(lower, "CsvHelper"), lower.GetName().Name);
        }

        Assert.False(Uses(typeof(Core.Workloads.Op).Assembly, "Google.OrTools"));
        Assert.False(Uses(typeof(Arch.ITileModel).Assembly, "Google.OrTools"));
    }
}
