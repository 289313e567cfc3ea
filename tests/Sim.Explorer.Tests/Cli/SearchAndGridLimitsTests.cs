using System.Text.Json;
using Sim.Explorer.Tests.Sweeps;

namespace Sim.Explorer.Tests.Cli;

/// <summary>
/// A search never enumerates the grid (its space may be continuous or astronomically large), its manifest says how its
/// points were chosen, and a grid too large to plan is bad input rather than a hang.
/// </summary>
public class SearchAndGridLimitsTests
{
    [Fact]
    public void A_search_over_a_continuous_axis_runs_and_its_manifest_records_the_search()
    {
        using var dir = new TempDirectory();
        var spec = SpecFixture.Write(dir, fileName: "cont.yaml", rest: """
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
        var spec = SpecFixture.Write(dir, fileName: "huge.yaml", rest: """
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
        var spec = SpecFixture.Write(dir, fileName: "huge-search.yaml", rest: """
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
        var search = SpecFixture.Write(dir, fileName: "s.yaml", rest: "axes: {rows: [4, 8], cols: [4, 8]}\nsearch: {strategy: nsga2, population: 4, generations: 1}");
        var (code, _, stderr) = CliRunner.Run("plan", search, "--slurm", "--shards", "2", "--sim", "/bin/true", "-o", dir.File("plan"));
        Assert.Equal(2, code);
        Assert.Contains("cannot be split into shards", stderr, StringComparison.Ordinal);

        var grid = SpecFixture.Write(dir, fileName: "g.yaml", rest: "axes: {rows: [4, 8], cols: [4, 8]}");
        (code, _, stderr) = CliRunner.Run("sweep", grid, "--shard", "0/2", "--parquet", "-o", dir.File("g"));
        Assert.Equal(2, code);
        Assert.Contains("run sim merge", stderr, StringComparison.Ordinal);
    }
}

/// <summary>Runner edge cases found in review: 0-cycle workloads, arrays over several specs, shards with failed points.</summary>
public class RunnerEdgeCaseTests
{
    private const string Spec = """
        name: edge
        base: {name: b, tile: {kind: systolic, rows: 8, cols: 8, dataflow: os}, scratchpad: {ifmap_kb: 8, filter_kb: 8, ofmap_kb: 4}, dram: {bandwidth_bytes_per_cycle: 4}}
        workloads: [w.yaml]
        axes: {rows: [4, 8]}
        """;

    [Fact]
    public void A_workload_of_opaque_ops_only_is_an_ok_point_with_zero_rates()
    {
        using var dir = new TempDirectory();
        dir.Write("w.yaml", "name: op\nops:\n  - {name: nms, kind: opaque, operator: NonMaxSuppression, shape: [100, 3], reason: \"no model\"}\n");
        var (code, _, stderr) = CliRunner.Run("sweep", dir.Write("s.yaml", Spec), "-o", dir.File("out"));
        Assert.True(code == 0, stderr);
        var row = Sim.Explorer.Results.ResultsCsv.Read<Sim.Explorer.Results.PointRow>(dir.File("out/points.csv"))[0];
        Assert.Equal(("ok", 0L, 0.0, 0.0), (row.Status, row.LatencyCycles, row.Utilization, row.Tops));
    }

    [Fact]
    public void Inside_an_array_no_shard_runs_the_whole_sweep_and_an_experiment_spec_runs_whole_with_a_note()
    {
        using var dir = new TempDirectory();
        dir.Write("w.yaml", "name: tiny\nops:\n  - {name: g, kind: gemm, m: 64, n: 32, k: 48}\n");
        var spec = dir.Write("s.yaml", Spec);
        var slurm = new Dictionary<string, string> { ["SLURM_ARRAY_TASK_ID"] = "1", ["SLURM_ARRAY_TASK_COUNT"] = "3" };
        var (code, _, stderr) = CliRunner.RunWith(slurm, "sweep", spec, "-o", dir.File("whole"), "--no-shard");
        Assert.True(code == 0, stderr);
        Assert.True(File.Exists(dir.File("whole/points.csv")));

        (code, _, stderr) = CliRunner.RunWith(slurm, "sweep", spec, "-o", dir.File("s"), "--shard-count", "4");
        Assert.Equal(2, code);
        Assert.Contains("contradicts the Slurm array's SLURM_ARRAY_TASK_COUNT=3", stderr, StringComparison.Ordinal);

        var attention = Path.Combine(Import.RepoPaths.Workloads, "sweeps", "attention.yaml");
        (code, _, stderr) = CliRunner.RunWith(slurm, "sweep", attention, "-o", dir.File("att"));
        Assert.True(code == 0, stderr);
        Assert.Contains("an experiment sweep is not sharded, so it runs whole", stderr, StringComparison.Ordinal);

        // A pod of an Indexed Job without SIM_SHARD_COUNT: a search does not need the count, so it still runs whole.
        var search = dir.Write("search.yaml", Spec.Replace("axes: {rows: [4, 8]}", "axes: {rows: [4, 8], cols: [4, 8]}\nsearch: {strategy: nsga2, population: 4, generations: 1}", StringComparison.Ordinal));
        (code, _, stderr) = CliRunner.RunWith(new Dictionary<string, string> { ["JOB_COMPLETION_INDEX"] = "0" }, "sweep", search, "-o", dir.File("search"));
        Assert.True(code == 0, stderr);
        Assert.Contains("a search is not sharded, so it runs whole", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Resumed_rows_show_this_spec_parameters_even_where_the_point_id_ignores_them()
    {
        using var dir = new TempDirectory();
        dir.Write("w.yaml", "name: tiny\nops:\n  - {name: g, kind: gemm, m: 64, n: 32, k: 48}\n");
        Assert.Equal(0, CliRunner.Run("sweep", dir.Write("a.yaml", Spec), "-o", dir.File("out")).ExitCode);
        // GEMM-only: the vector unit is not in the id, so every point resumes, but the rows must say 32 lanes.
        var (code, stdout, stderr) = CliRunner.Run("sweep", dir.Write("b.yaml", Spec.Replace("axes: {rows: [4, 8]}", "axes: {rows: [4, 8], vector_lanes: [32]}", StringComparison.Ordinal)), "-o", dir.File("out"), "--resume");
        Assert.True(code == 0, stderr);
        Assert.Contains("0 simulated, 2 resumed", stdout, StringComparison.Ordinal);
        Assert.All(Sim.Explorer.Results.ResultsCsv.Read<Sim.Explorer.Results.PointRow>(dir.File("out/points.csv")), r => Assert.Equal(32, r.VectorLanes));
    }
}

/// <summary>Failed points are data: a shard still exits 0 once they are journaled, and the merge reports them.</summary>
public class ShardWithFailedPointsTests
{
    [Fact]
    public void A_shard_with_failed_points_exits_0_and_the_merge_exits_1()
    {
        using var dir = new TempDirectory();
        // A DRAM latency of 4e18 cycles overflows the 64-bit cycle count: those points fail, the others do not.
        var spec = SpecFixture.Write(dir, "axes: {rows: [4, 8], dram_latency_cycles: [100, 4000000000000000000]}");
        // Round robin over the plan (rows 4: latencies 100, 4e18; rows 8: the same): shard 1 takes both failing points.
        for (var i = 0; i < 2; i++)
        {
            var (code, stdout, stderr) = CliRunner.Run("sweep", spec, "-o", dir.File("out"), "--shard", $"{i}/2");
            Assert.True(code == 0, stderr);
            Assert.Contains(i == 0 ? "0 failed" : "2 failed", stdout, StringComparison.Ordinal);
        }

        var merge = CliRunner.Run("merge", dir.File("out"));
        Assert.Equal(1, merge.ExitCode);
        Assert.Contains("2 failed", merge.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_slurm_plan_refuses_values_an_sbatch_line_cannot_carry()
    {
        using var dir = new TempDirectory();
        var spec = SpecFixture.Write(dir, "axes: {rows: [4, 8]}");
        var (code, _, stderr) = CliRunner.Run("plan", spec, "--slurm", "--shards", "2", "--sim", "/bin/true", "-o", dir.File("my dir"));
        Assert.Equal(2, code);
        Assert.Contains("has a space or '%'", stderr, StringComparison.Ordinal);
        (code, _, stderr) = CliRunner.Run("plan", spec, "--slurm", "--shards", "2", "--sim", "/bin/true", "-o", dir.File("p"), "--partition", "a b");
        Assert.Equal(2, code);
        Assert.Contains("--partition: 'a b'", stderr, StringComparison.Ordinal);
    }
}
