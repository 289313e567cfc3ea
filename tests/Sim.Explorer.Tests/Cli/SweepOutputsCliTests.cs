namespace Sim.Explorer.Tests.Cli;

public class SweepOutputsCliTests
{
    [Fact]
    public void Parquet_flag_adds_the_parquet_tables_and_every_run_writes_breakdown_and_report()
    {
        using var dir = new TempDirectory();
        dir.Write("w.yaml", "name: tiny\nops:\n  - {name: g, kind: gemm, m: 64, n: 32, k: 48}\n");
        var spec = dir.Write("sweep.yaml", """
            name: cli-outputs
            base:
              name: b
              tile: {kind: systolic, rows: 8, cols: 8, dataflow: os}
              scratchpad: {ifmap_kb: 8, filter_kb: 8, ofmap_kb: 4}
              dram: {bandwidth_bytes_per_cycle: 4, latency_cycles: 50}
            workloads: [w.yaml]
            axes:
              rows: [4, 8]
              cols: [4, 8]
            """);
        var plain = Path.Combine(dir.Path, "plain");
        var parquet = Path.Combine(dir.Path, "parquet");

        var (code, stdout, stderr) = CliRunner.Run("sweep", spec, "-o", plain);
        Assert.True(code == 0, stderr);
        Assert.Empty(Directory.GetFiles(plain, "*.parquet"));
        foreach (var file in new[] { "breakdown.csv", "report.html", "roofline.svg", "breakdown_latency.png", "breakdown_energy.svg" })
            Assert.True(File.Exists(Path.Combine(plain, file)), file);
        Assert.Contains("report.html", stdout, StringComparison.Ordinal);

        (code, stdout, stderr) = CliRunner.Run("sweep", spec, "-o", parquet, "--parquet");
        Assert.True(code == 0, stderr);
        Assert.Contains("parquet", stdout, StringComparison.Ordinal);
        foreach (var table in new[] { "points", "layers", "breakdown" })
            Assert.True(new FileInfo(Path.Combine(parquet, table + ".parquet")).Length > 0, table);
        Assert.Equal(File.ReadAllBytes(Path.Combine(plain, "breakdown.csv")), File.ReadAllBytes(Path.Combine(parquet, "breakdown.csv")));
    }
}
