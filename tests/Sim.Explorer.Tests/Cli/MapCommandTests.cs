using Sim.Explorer.Results;

namespace Sim.Explorer.Tests.Cli;

/// <summary><c>sim map</c> end to end on the small files in MappingFiles/ (a conv, a GEMM and an attention op on 8×8).</summary>
public class MapCommandTests
{
    private static readonly string s_files = Path.Combine(Import.RepoPaths.Root, "tests", "Sim.Explorer.Tests", "Cli", "MappingFiles");
    private static readonly string s_arch = Path.Combine(s_files, "small.yaml");
    private static readonly string s_workload = Path.Combine(s_files, "tiny.yaml");

    private static (int Code, string Out, string Error) Map(string directory, params string[] extra) =>
        CliRunner.Run(["map", s_workload, "--arch", s_arch, "-o", directory, .. extra.Contains("--time-limit") ? extra : [.. extra, "--time-limit", "20"]]);

    [Fact]
    public void Its_mapping_file_reloads_in_sim_run_with_the_same_layer_latencies()
    {
        using var dir = new TempDirectory();
        var (code, stdout, stderr) = Map(dir.Path);
        Assert.True(code == 0, stderr);
        Assert.Contains("2 of 2 GEMM/conv layers mapped (2 distinct, 2 proven optimal)", stdout, StringComparison.Ordinal);
        foreach (var file in new[] { "mapping.yaml", "layers.csv", "allocation.csv", "timings.csv", "memory.png", "memory.svg", "memory-baseline.png" })
            Assert.True(File.Exists(Path.Combine(dir.Path, file)), file);

        var mapped = ResultsCsv.Read<MappedLayerRow>(Path.Combine(dir.Path, "layers.csv"));
        Assert.Equal(["c1", "fc"], mapped.Select(r => r.Layer));
        Assert.All(mapped, r => Assert.Equal("optimal", r.Status));

        using var run = new TempDirectory();
        var reloaded = CliRunner.Run("run", s_arch, s_workload, "--mapping", Path.Combine(dir.Path, "mapping.yaml"), "-o", run.Path);
        Assert.True(reloaded.ExitCode == 0, reloaded.Error);
        var layers = ResultsCsv.Read<LayerRow>(Path.Combine(run.Path, "layers.csv"));
        Assert.Equal(mapped.Select(r => r.LatencyCycles), layers.Where(l => l.Layer != "attn").Select(l => l.TotalCycles));
    }

    [Fact]
    public void Same_inputs_give_byte_identical_files()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();
        Assert.Equal(0, Map(first.Path).Code);
        Assert.Equal(0, Map(second.Path).Code);
        foreach (var file in new[] { "mapping.yaml", "layers.csv", "allocation.csv" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(first.Path, file)), File.ReadAllBytes(Path.Combine(second.Path, file)));
    }

    [Fact]
    public void A_budget_below_what_an_op_needs_says_how_much_is_needed()
    {
        using var dir = new TempDirectory();
        var (code, stdout, _) = Map(dir.Path, "--scratchpad-kb", "1");
        Assert.Equal(0, code);
        Assert.Contains("graph allocation: infeasible", stdout, StringComparison.Ordinal);
        Assert.Contains("Fix: give --scratchpad-kb at least", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--objective", "speed", "--objective: 'speed' is not an objective. Fix: use latency, energy or edp")]
    [InlineData("--order", "random", "--order: 'random' is not an order rule. Fix: use given, min-peak, joint or window")]
    [InlineData("--scratchpad-kb", "-4", "--scratchpad-kb: -4 must be a positive number")]
    [InlineData("--time-limit", "0", "--time-limit: 0 must be a positive number")]
    [InlineData("--scratchpad-kb", "1e300", "--scratchpad-kb: the budget must be between one byte and 2^40 KB")]
    [InlineData("--deterministic-time", "-1", "--deterministic-time: -1 must be a positive number")]
    public void Bad_flags_exit_2_naming_the_flag(string flag, string value, string message)
    {
        using var dir = new TempDirectory();
        var (code, _, stderr) = Map(dir.Path, flag, value);
        Assert.Equal(2, code);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_layer_that_cannot_be_mapped_is_reported_and_fails_the_command()
    {
        using var dir = new TempDirectory();
        var arch = Path.Combine(dir.Path, "starved.yaml");
        // 4-byte words and 2 usable bytes of input scratchpad: not even one input element fits.
        File.WriteAllText(arch, "name: starved\nword_bytes: 4\ntile: {kind: systolic, rows: 8, cols: 8, dataflow: os}\nscratchpad: {ifmap_kb: 0.00390625, filter_kb: 16, ofmap_kb: 16}\ndram: {bandwidth_bytes_per_cycle: 4, latency_cycles: 10}\n");
        var (code, _, stderr) = CliRunner.Run("map", s_workload, "--arch", arch, "-o", dir.Path, "--time-limit", "5");
        Assert.Equal(1, code);
        Assert.Contains("layer 'c1': infeasible:", stderr, StringComparison.Ordinal);
        Assert.Contains("`sim run --mapping` will refuse the file", stderr, StringComparison.Ordinal);
    }
}
