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
}
