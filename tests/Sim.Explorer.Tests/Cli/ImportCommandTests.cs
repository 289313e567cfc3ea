using Sim.Core.Config;
using Sim.Core.Workloads;
using Sim.Explorer.Tests.Import;
using Sim.Explorer.Tests.Import.Onnx;

namespace Sim.Explorer.Tests.Cli;

public class ImportCommandTests
{
    /// <summary>x[N,3,8,8] (N symbolic) → conv 3x3/2 pad 1 → relu → global average pool.</summary>
    private static string WriteModel(TempDirectory dir, object batch) => new TinyOnnx()
        .Input("x", batch, 3, 8, 8).Weight("w", 4, 3, 3, 3)
        .Node("Conv", ["x", "w"], ["c"], ("strides", new long[] { 2, 2 }), ("pads", new long[] { 1, 1, 1, 1 }))
        .Node("Relu", ["c"], ["r"]).Node("GlobalAveragePool", ["r"], ["y"]).Output("y")
        .Write(dir, "net.onnx");

    [Fact]
    public void Import_writes_workload_yaml_and_a_node_report()
    {
        using var dir = new TempDirectory();
        var model = WriteModel(dir, "N");
        var (code, output, error) = CliRunner.Run("import", model, "--input-shape", "x=2x3x8x8", "-o", dir.File("net.yaml"), "--report", dir.File("nodes.csv"));
        Assert.True(code == 0, error);
        var workload = WorkloadYaml.Load(dir.File("net.yaml"));
        Assert.Equal("net", workload.Name);
        // Batch 2: M = 2·4·4 = 32, N = 4, K = 27 -> 3456 MACs.
        Assert.Equal(3456, workload.TotalMacs);
        Assert.Equal(["conv2d", "vector", "vector"], workload.Ops.Select(o => o.Kind));
        var pool = Assert.IsType<VectorOp>(workload.Ops[2]);
        Assert.Equal(("avg_pool", 16L), (pool.Function, pool.Window));
        Assert.StartsWith("# imported by `sim import` from net.onnx (ONNX opset 17)\n# input shapes: x=2x3x8x8\n", File.ReadAllText(dir.File("net.yaml")), StringComparison.Ordinal);
        var report = File.ReadAllLines(dir.File("nodes.csv"));
        Assert.Equal("index,node,op_type,outcome,op,lowered_as,output_shape,macs,note", report[0]);
        Assert.Equal(4, report.Length);
        Assert.Equal("0,conv0,Conv,lowered,conv0,conv2d,2x4x4x4,3456,", report[1]);
        Assert.Contains("3 nodes: 3 lowered; 3 ops, 3,456 MACs", output, StringComparison.Ordinal);

        // Deterministic: a second import writes the same bytes.
        Assert.Equal(0, CliRunner.Run("import", model, "--input-shape", "x=2x3x8x8", "-o", dir.File("again.yaml"), "--report", dir.File("again.csv")).ExitCode);
        Assert.Equal(File.ReadAllBytes(dir.File("net.yaml")), File.ReadAllBytes(dir.File("again.yaml")));
        Assert.Equal(File.ReadAllBytes(dir.File("nodes.csv")), File.ReadAllBytes(dir.File("again.csv")));
    }

    [Fact]
    public void Run_takes_the_onnx_model_directly()
    {
        using var dir = new TempDirectory();
        var model = WriteModel(dir, 1L);
        var (code, output, error) = CliRunner.Run("run", Path.Combine(RepoPaths.Workloads, "arch", "tpu_like.yaml"), model, "-o", dir.File("run"));
        Assert.True(code == 0, error);
        Assert.Equal(4, File.ReadAllLines(dir.File("run/layers.csv")).Length);
        Assert.Contains("net on ", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "input 'x'")]
    [InlineData("x=1x3", "--input-shape")]
    [InlineData("y=1x3x8x8", "'y'")]
    public void Bad_input_shapes_exit_2_naming_the_input(string? shape, string expected)
    {
        using var dir = new TempDirectory();
        var model = WriteModel(dir, "N");
        string[] args = shape is null ? ["import", model, "-o", dir.File("o.yaml")] : ["import", model, "--input-shape", shape, "-o", dir.File("o.yaml")];
        var (code, _, error) = CliRunner.Run(args);
        Assert.Equal(2, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Contains("Fix:", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_model_exits_2_naming_the_file()
    {
        using var dir = new TempDirectory();
        var model = WriteModel(dir, 1L);
        var bytes = File.ReadAllBytes(model);
        File.WriteAllBytes(model, bytes[..(bytes.Length / 2)]);
        var (code, _, error) = CliRunner.Run("import", model, "-o", dir.File("o.yaml"));
        Assert.Equal(2, code);
        Assert.Contains("net.onnx", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_flags_on_a_yaml_workload_or_a_bad_lowering_exit_2()
    {
        var yaml = Path.Combine(RepoPaths.Workloads, "dnn", "resnet50.yaml");
        var (code, _, error) = CliRunner.Run("run", Path.Combine(RepoPaths.Workloads, "arch", "tpu_like.yaml"), yaml, "--input-shape", "x=1x3x8x8");
        Assert.Equal(2, code);
        Assert.Contains("not an ONNX model", error, StringComparison.Ordinal);
        (code, _, error) = CliRunner.Run("import", yaml, "--attention-lowering", "flash");
        Assert.Equal(2, code);
        Assert.Contains("--attention-lowering: 'flash'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_takes_the_onnx_model_and_its_mapping_reloads()
    {
        using var dir = new TempDirectory();
        var model = WriteModel(dir, 1L);
        var arch = Path.Combine(RepoPaths.Workloads, "arch", "tpu_like.yaml");
        var (code, _, error) = CliRunner.Run("map", model, "--arch", arch, "-o", dir.File("map"));
        Assert.True(code == 0, error);
        (code, _, error) = CliRunner.Run("run", arch, model, "--mapping", dir.File("map/mapping.yaml"), "-o", dir.File("run"));
        Assert.True(code == 0, error);
        Assert.Equal(4, File.ReadAllLines(dir.File("run/layers.csv")).Length);
    }

    [Fact]
    public void A_sweep_lists_an_onnx_model_with_its_input_shape()
    {
        using var dir = new TempDirectory();
        WriteModel(dir, "N");
        var spec = dir.Write("sweep.yaml", """
            name: onnx-sweep
            base: {name: b, tile: {kind: systolic, rows: 8, cols: 8, dataflow: ws}, scratchpad: {ifmap_kb: 64, filter_kb: 64, ofmap_kb: 64}, dram: {bandwidth_bytes_per_cycle: 16}}
            workloads: [{path: net.onnx, input_shape: [x=1x3x8x8]}]
            axes: {rows: [8, 16]}
            """);
        var (code, _, error) = CliRunner.Run("sweep", spec, "-o", dir.File("out"));
        Assert.True(code == 0, error);
        Assert.Equal(3, File.ReadAllLines(dir.File("out/points.csv")).Length);
        Assert.Contains(",net,", File.ReadAllLines(dir.File("out/points.csv"))[1], StringComparison.Ordinal);

        var bad = dir.Write("bad.yaml", """
            name: onnx-sweep
            base: {name: b, tile: {kind: systolic, rows: 8, cols: 8, dataflow: ws}, scratchpad: {ifmap_kb: 64, filter_kb: 64, ofmap_kb: 64}, dram: {bandwidth_bytes_per_cycle: 16}}
            workloads: [{path: net.onnx, input_shape: [x=1x3x8x8x]}]
            """);
        (code, _, error) = CliRunner.Run("sweep", bad, "-o", dir.File("bad"));
        Assert.Equal(2, code);
        Assert.Contains("bad.yaml:3:", error, StringComparison.Ordinal);
        Assert.Contains("workloads[0].input_shape", error, StringComparison.Ordinal);
    }
}
