namespace Sim.Explorer.Tests.Cli;

public class RunCommandTests
{
    private const string Arch = """
        name: small
        tile: {kind: systolic, rows: 8, cols: 8, dataflow: os}
        scratchpad: {ifmap_kb: 16, filter_kb: 16, ofmap_kb: 16}
        dram: {bandwidth_bytes_per_cycle: 8, latency_cycles: 10}
        """;

    private const string Workload = """
        name: tiny
        ops:
          - {name: c1, kind: conv2d, ifmap_h: 8, ifmap_w: 8, filter_h: 3, filter_w: 3, channels: 4, filters: 16, padding: 1}
          - {name: fc, kind: gemm, m: 1, n: 10, k: 1024, inputs: [c1]}
        """;

    [Fact]
    public void Run_writes_one_layer_row_per_op_and_prints_the_table()
    {
        using var dir = new TempDirectory();
        var output = Path.Combine(dir.Path, "out");
        var (code, stdout, stderr) = CliRunner.Run("run", dir.Write("arch.yaml", Arch), dir.Write("w.yaml", Workload), "-o", output);
        Assert.True(code == 0, stderr);
        Assert.Contains("c1", stdout, StringComparison.Ordinal);
        Assert.Contains("total", stdout, StringComparison.Ordinal);
        var lines = File.ReadAllLines(Path.Combine(output, "layers.csv"));
        Assert.Equal(3, lines.Length); // header + 2 ops
        Assert.StartsWith("point_id,layer_index,layer,op_kind,m,n,k,macs", lines[0], StringComparison.Ordinal);
        Assert.Contains(",c1,conv2d,64,16,36,36864,", lines[1], StringComparison.Ordinal);
    }

    public static TheoryData<string> ShippedArchs()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(Import.RepoPaths.Workloads, "arch")).Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(ShippedArchs))]
    public void Every_shipped_arch_runs_a_network(string arch)
    {
        using var dir = new TempDirectory();
        var (code, stdout, stderr) = CliRunner.Run("run", Path.Combine(Import.RepoPaths.Workloads, "arch", arch),
            Path.Combine(Import.RepoPaths.Workloads, "dnn", "resnet18.yaml"), "-o", dir.Path);
        Assert.True(code == 0, stderr);
        Assert.Contains("total", stdout, StringComparison.Ordinal);
        var point = Results.ResultsCsv.Read<Results.PointRow>(Path.Combine(dir.Path, "points.csv")).Single();
        Assert.Equal(1_814_073_344, point.Macs);
        Assert.True(point.EnergyPj > 0 && point.AreaMm2 > 0 && point.Utilization is > 0 and <= 1);
    }

    [Fact]
    public void Bad_arch_file_exits_2_naming_file_line_and_field()
    {
        using var dir = new TempDirectory();
        var arch = dir.Write("arch.yaml", Arch.Replace("rows: 8", "rowz: 8", StringComparison.Ordinal));
        var (code, _, stderr) = CliRunner.Run("run", arch, dir.Write("w.yaml", Workload), "-o", dir.Path);
        Assert.Equal(2, code);
        Assert.Contains($"{arch}:2:", stderr, StringComparison.Ordinal);
        Assert.Contains("field 'tile.rowz': unknown key. Fix: did you mean 'rows'?", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_workload_file_exits_2()
    {
        using var dir = new TempDirectory();
        var (code, _, stderr) = CliRunner.Run("run", dir.Write("arch.yaml", Arch), Path.Combine(dir.Path, "nope.yaml"));
        Assert.Equal(2, code);
        Assert.Contains("nope.yaml: file not found", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_topology_csv_exits_2_naming_the_line()
    {
        using var dir = new TempDirectory();
        var csv = dir.Write("t.csv", "Layer,M,N,K,\nl1,10,20,30,\nl2,10,20\n");
        var (code, _, stderr) = CliRunner.Run("run", dir.Write("arch.yaml", Arch), csv, "-o", dir.Path);
        Assert.Equal(2, code);
        Assert.Contains($"{csv}:3:", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_scalesim_cfg_exits_2_naming_the_key()
    {
        using var dir = new TempDirectory();
        var cfg = dir.Write("a.cfg", "[architecture_presets]\nArrayHeight: 8\nArrayWidth: 8\nIfmapSramSzkB: 64\nFilterSramSzkB: 64\nOfmapSramSzkB: 64\nDataflow: xs\n");
        var (code, _, stderr) = CliRunner.Run("run", cfg, dir.Write("w.yaml", Workload), "-o", dir.Path);
        Assert.Equal(2, code);
        Assert.Contains($"{cfg}:7:", stderr, StringComparison.Ordinal);
        Assert.Contains("Dataflow", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Output_path_that_is_a_file_exits_2()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("not-a-dir", "x");
        var (code, _, stderr) = CliRunner.Run("run", dir.Write("arch.yaml", Arch), dir.Write("w.yaml", Workload), "-o", file);
        Assert.Equal(2, code);
        Assert.Contains("Fix: check that the input exists and that the output directory (-o) is a writable folder", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rows: 8", "rows: 99999999999", ":2:", "99999999999 is above the maximum 65536")]
    [InlineData("dram: {bandwidth_bytes_per_cycle: 8, latency_cycles: 10}", "dram: {bandwidth_bytes_per_cycle: 8, latency_cycles: 10}\n---\nname: other", ":6:", "more than one YAML document")]
    [InlineData("ifmap_kb: 16", "ifmap_kb: 0.0000001", ":3:", "less than one byte")]
    public void Out_of_range_arch_values_exit_2(string find, string replace, string location, string expected)
    {
        using var dir = new TempDirectory();
        var arch = dir.Write("arch.yaml", Arch.Replace(find, replace, StringComparison.Ordinal));
        var (code, _, stderr) = CliRunner.Run("run", arch, dir.Write("w.yaml", Workload), "-o", dir.Path);
        Assert.Equal(2, code);
        Assert.Contains(arch + location, stderr, StringComparison.Ordinal);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Conv_too_large_for_64_bit_arithmetic_exits_2()
    {
        using var dir = new TempDirectory();
        var workload = dir.Write("w.yaml", "name: huge\nops:\n  - {name: c, kind: conv2d, ifmap_h: 4000000000, ifmap_w: 4000000000, filter_h: 3, filter_w: 3, channels: 4000000, filters: 64}\n");
        var (code, _, stderr) = CliRunner.Run("run", dir.Write("arch.yaml", Arch), workload, "-o", dir.Path);
        Assert.Equal(2, code);
        Assert.Contains("overflow 64-bit arithmetic", stderr, StringComparison.Ordinal);
    }
}
