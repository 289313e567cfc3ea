namespace Sim.Explorer.Tests.Cli;

public class SweepCommandTests
{
    private const string Spec = """
        name: cli-sweep
        base:
          name: b
          tile: {kind: systolic, rows: 8, cols: 8, dataflow: os}
          scratchpad: {ifmap_kb: 8, filter_kb: 8, ofmap_kb: 4}
          dram: {bandwidth_bytes_per_cycle: 4, latency_cycles: 50}
        workloads: [w.yaml, t.csv]
        axes:
          rows: [4, 8]
          cols: [4, 8]
        """;

    private static string Setup(TempDirectory dir)
    {
        dir.Write("w.yaml", "name: tiny\nops:\n  - {name: g, kind: gemm, m: 64, n: 32, k: 48}\n");
        dir.Write("t.csv", "Layer,M,N,K,\nl1,10,20,30,\nl2,5,6,7,\n");
        return dir.Write("sweep.yaml", Spec);
    }

    [Fact]
    public void Sweep_writes_csvs_manifest_and_plots_and_resume_keeps_them_identical()
    {
        using var dir = new TempDirectory();
        var spec = Setup(dir);
        var output = Path.Combine(dir.Path, "out");
        var (code, stdout, stderr) = CliRunner.Run("sweep", spec, "-o", output, "--jobs", "2");
        Assert.True(code == 0, stderr);
        Assert.Contains("8 points (8 simulated, 0 resumed)", stdout, StringComparison.Ordinal);
        foreach (var file in new[] { "points.csv", "layers.csv", "manifest.json", "pareto.png", "pareto.svg", "utilization_heatmap.png", "utilization_heatmap.svg" })
            Assert.True(new FileInfo(Path.Combine(output, file)).Length > 0, file);
        var before = File.ReadAllText(Path.Combine(output, "points.csv"));

        (code, stdout, _) = CliRunner.Run("sweep", spec, "-o", output, "--resume");
        Assert.Equal(0, code);
        Assert.Contains("8 points (0 simulated, 8 resumed)", stdout, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(Path.Combine(output, "points.csv")));
    }

    [Fact]
    public void Bad_spec_and_bad_jobs_exit_2()
    {
        using var dir = new TempDirectory();
        var spec = Setup(dir);
        var (code, _, stderr) = CliRunner.Run("sweep", spec, "--jobs", "0");
        Assert.Equal(2, code);
        Assert.Contains("--jobs: 0 must be at least 1", stderr, StringComparison.Ordinal);

        var bad = dir.Write("bad.yaml", Spec.Replace("t.csv", "missing.csv", StringComparison.Ordinal));
        (code, _, stderr) = CliRunner.Run("sweep", bad, "-o", Path.Combine(dir.Path, "o"));
        Assert.Equal(2, code);
        Assert.Contains("missing.csv: file not found", stderr, StringComparison.Ordinal);
    }
    [Fact]
    public void A_spec_with_search_runs_the_search_and_its_reference_grid()
    {
        using var dir = new TempDirectory();
        dir.Write("w.yaml", "name: tiny\nops:\n  - {name: g, kind: gemm, m: 64, n: 32, k: 48}\n");
        var spec = dir.Write("search.yaml", """
            name: cli-search
            base:
              name: b
              tile: {kind: systolic, rows: 8, cols: 8, dataflow: os}
              scratchpad: {ifmap_kb: 8, filter_kb: 8, ofmap_kb: 4}
              dram: {bandwidth_bytes_per_cycle: 4, latency_cycles: 50}
            workloads: [w.yaml]
            axes:
              rows: [4, 8, 16]
              cols: [4, 8, 16]
              dataflow: [os, ws]
            search: {strategy: nsga2, population: 4, generations: 2, reference: grid}
            """);
        var output = Path.Combine(dir.Path, "out");
        var (code, stdout, stderr) = CliRunner.Run("sweep", spec, "-o", output, "--jobs", "2");
        Assert.True(code == 0, stderr);
        Assert.Contains("search 'cli-search'", stderr, StringComparison.Ordinal);
        Assert.Contains("grid front", stdout, StringComparison.Ordinal);
        Assert.Contains("18 in the reference grid (18 simulated, 0 resumed)", stdout, StringComparison.Ordinal);
        foreach (var file in new[] { "points.csv", "layers.csv", "manifest.json", "search.csv", "search_summary.csv", "reference/points.csv", "pareto.png" })
            Assert.True(new FileInfo(Path.Combine(output, file)).Length > 0, file);

        (code, stdout, _) = CliRunner.Run("sweep", spec, "-o", output, "--resume");
        Assert.Equal(0, code);
        Assert.Contains("(0 simulated, 18 resumed)", stdout, StringComparison.Ordinal);
    }
}
