using System.Text.Json;

namespace Sim.Explorer.Tests.Cli;

/// <summary>
/// A search never enumerates the grid (its space may be continuous or astronomically large), its manifest says how its
/// points were chosen, and a grid too large to plan is bad input rather than a hang.
/// </summary>
public class SearchAndGridLimitsTests
{
    private const string Base = """
        base:
          name: b
          tile: {kind: systolic, rows: 8, cols: 8, dataflow: os}
          scratchpad: {ifmap_kb: 8, filter_kb: 8, ofmap_kb: 4}
          dram: {bandwidth_bytes_per_cycle: 4, latency_cycles: 50}
        workloads: [w.yaml]
        """;

    private static string Write(TempDirectory dir, string name, string body)
    {
        dir.Write("w.yaml", "name: tiny\nops:\n  - {name: g, kind: gemm, m: 64, n: 32, k: 48}\n");
        return dir.Write(name, $"name: {Path.GetFileNameWithoutExtension(name)}\n{Base}\n{body}\n");
    }

    [Fact]
    public void A_search_over_a_continuous_axis_runs_and_its_manifest_records_the_search()
    {
        using var dir = new TempDirectory();
        var spec = Write(dir, "cont.yaml", """
            seed: 5
            axes: {rows: [4, 8, 16], cols: [4, 8, 16], dram_bandwidth_bytes_per_cycle: {min: 8, max: 64}}
            constraints: [{pe_count: {max: 128}}]
            search: {strategy: nsga2, population: 6, generations: 2}
            """);
        var output = dir.File("out");
        var (code, stdout, stderr) = CliRunner.Run("sweep", spec, "-o", output, "--parquet");
        Assert.True(code == 0, stderr);
        Assert.Contains("over a space with continuous axes", stderr, StringComparison.Ordinal);
        Assert.Contains("points/layers/breakdown.parquet", stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "points.parquet")));
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "manifest.json")));
        var root = manifest.RootElement;
        Assert.Equal("nsga2", root.GetProperty("strategy").GetString());
        Assert.Equal(5, root.GetProperty("seed").GetInt32());
        Assert.Equal(6, root.GetProperty("search").GetProperty("population").GetInt32());
        Assert.Equal("pe_count <= 128", root.GetProperty("constraints")[0].GetProperty("constraint").GetString());
    }

    [Fact]
    public void A_grid_too_large_to_plan_is_bad_input_naming_the_widest_axis()
    {
        using var dir = new TempDirectory();
        var spec = Write(dir, "huge.yaml", """
            axes: {rows: {min: 1, max: 100000, step: 1}, cols: {min: 1, max: 100000, step: 1}}
            constraints: [{pe_count: 1024}]
            """);
        var (code, _, stderr) = CliRunner.Run("sweep", spec, "-o", dir.File("out"));
        Assert.Equal(2, code);
        Assert.Contains("field 'axes.rows': the grid has 10,000,000,000 archs", stderr, StringComparison.Ordinal);
        Assert.Contains("Fix: sample it instead", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_search_over_a_huge_space_plans_nothing_but_its_candidates()
    {
        using var dir = new TempDirectory();
        var spec = Write(dir, "huge-search.yaml", """
            axes: {rows: {min: 4, max: 4000, step: 4}, cols: {min: 4, max: 4000, step: 4}, dataflow: [os, ws, is]}
            search: {strategy: nsga2, population: 4, generations: 1}
            """);
        var (code, _, stderr) = CliRunner.Run("sweep", spec, "-o", dir.File("out"));
        Assert.True(code == 0, stderr);
        Assert.Contains("over a 3000000-arch grid", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_refuses_a_search_and_a_shard_refuses_parquet()
    {
        using var dir = new TempDirectory();
        var search = Write(dir, "s.yaml", "axes: {rows: [4, 8], cols: [4, 8]}\nsearch: {strategy: nsga2, population: 4, generations: 1}");
        var (code, _, stderr) = CliRunner.Run("plan", search, "--slurm", "--shards", "2", "--sim", "/bin/true", "-o", dir.File("plan"));
        Assert.Equal(2, code);
        Assert.Contains("cannot be split into shards", stderr, StringComparison.Ordinal);

        var grid = Write(dir, "g.yaml", "axes: {rows: [4, 8], cols: [4, 8]}");
        (code, _, stderr) = CliRunner.Run("sweep", grid, "--shard", "0/2", "--parquet", "-o", dir.File("g"));
        Assert.Equal(2, code);
        Assert.Contains("run sim merge", stderr, StringComparison.Ordinal);
    }
}
