using System.Text.Json;

namespace Sim.Explorer.Tests.Cli;

/// <summary>Bench output is well-formed and self-consistent; its speed is measured by running it, not asserted here.</summary>
public class BenchCommandTests
{
    [Fact]
    public void Json_reports_both_simulators_and_their_ratio()
    {
        var (code, output, error) = CliRunner.Run("bench", "--json", "--seconds", "0.05");
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(420, root.GetProperty("suite_layers").GetInt32());
        var trace = root.GetProperty("trace_baseline");
        var prefix = root.GetProperty("analytical_on_trace_prefix");
        Assert.True(trace.GetProperty("layers").GetInt64() >= 1);
        Assert.Equal(prefix.GetProperty("layers_per_second").GetDouble() / trace.GetProperty("layers_per_second").GetDouble(),
            root.GetProperty("speedup_vs_trace_baseline").GetDouble(), 6);
        var engines = root.GetProperty("engines_with_energy");
        Assert.Equal(["systolic-32x32-ws", "cube-8x16x8", "addertree-64x16", "matrix2d-32x32"], engines.EnumerateObject().Select(p => p.Name));
        foreach (var engine in engines.EnumerateObject())
            Assert.Equal(0, engine.Value.GetProperty("layers").GetInt64() % 70); // whole passes over the 70-layer suite
    }
}
