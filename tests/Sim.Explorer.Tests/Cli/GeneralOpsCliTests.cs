using Sim.Core.Config;
using Sim.Explorer.Results;

namespace Sim.Explorer.Tests.Cli;

/// <summary><c>sim run</c> and <c>sim map</c> on workloads with the imported-network op kinds.</summary>
public class GeneralOpsCliTests
{
    private static readonly string s_arch = Path.Combine(Import.RepoPaths.Root, "tests", "Sim.Explorer.Tests", "Cli", "MappingFiles", "small.yaml");

    /// <summary>Every kind: a depthwise conv, a dilated conv, a transposed conv, a batched GEMM, vector ops and opaque ops.</summary>
    private const string Mixed = """
        name: mixed
        ops:
          - {name: stem, kind: conv2d, ifmap_h: 16, ifmap_w: 16, filter_h: 3, filter_w: 3, channels: 4, filters: 8, stride: 2, pads: [0, 0, 1, 1]}
          - {name: dw, kind: conv2d, ifmap_h: 8, ifmap_w: 8, filter_h: 3, filter_w: 3, channels: 8, filters: 8, padding: 1, groups: 8, inputs: [stem]}
          - {name: act, kind: vector, function: hard_swish, shape: [1, 8, 8, 8], inputs: [dw]}
          - {name: dil, kind: conv2d, ifmap_h: 8, ifmap_w: 8, filter_h: 3, filter_w: 3, channels: 8, filters: 8, padding: 2, dilation: [2, 2], inputs: [act]}
          - {name: up, kind: conv_transpose2d, ifmap_h: 8, ifmap_w: 8, filter_h: 2, filter_w: 2, channels: 8, filters: 4, stride: 2, inputs: [dil]}
          - {name: qk, kind: gemm, m: 16, n: 16, k: 16, batch: 4, inputs: [up]}
          - {name: sm, kind: vector, function: softmax, shape: [4, 16, 16], window: 16, inputs: [qk]}
          - {name: nms, kind: opaque, operator: NonMaxSuppression, shape: [1, 10, 3], reason: "no shape rule", inputs: [sm]}
          - {name: topk, kind: opaque, operator: TopK, shape: [1, 10], inputs: [nms]}
        """;

    [Fact]
    public void Run_writes_a_row_per_op_of_every_kind_and_warns_about_opaque_ops()
    {
        using var dir = new TempDirectory();
        var (code, stdout, stderr) = CliRunner.Run("run", s_arch, dir.Write("w.yaml", Mixed), "-o", dir.Path);
        Assert.True(code == 0, stderr);
        Assert.Contains("warning: 2 opaque ops (no model, costed 0 cycles and 0 pJ, so the totals leave them out): nms (NonMaxSuppression), topk (TopK)", stderr, StringComparison.Ordinal);
        Assert.Contains("dw ×8", stdout, StringComparison.Ordinal);

        var lines = File.ReadAllLines(Path.Combine(dir.Path, "layers.csv"));
        Assert.EndsWith(",energy_vector_pj,instances", lines[0], StringComparison.Ordinal);
        var layers = ResultsCsv.Read<LayerRow>(Path.Combine(dir.Path, "layers.csv"));
        Assert.Equal(["stem", "dw", "act", "dil", "up", "qk", "sm", "nms", "topk"], layers.Select(l => l.Layer));
        Assert.Equal(["conv2d", "conv2d", "vector", "conv2d", "conv_transpose2d", "gemm", "vector", "opaque", "opaque"], layers.Select(l => l.OpKind));
        Assert.Equal([1L, 8, 1, 1, 1, 4, 1, 1, 1], layers.Select(l => l.Instances));
        // dw: 8 groups of M = 64, N = 1, K = 9.
        Assert.Equal((64L, 1L, 9L, 8L * 64 * 9), (layers[1].M, layers[1].N, layers[1].K, layers[1].Macs));
        // act: hard_swish over 512 elements, 2 maxes + 1 add + 2 muls each: 2·4 + 4 + 2·4 = 20 cycles on 128 lanes;
        // 1024 B (1-byte words) at 4 B/cycle = 256 cycles.
        var act = layers[2];
        Assert.Equal((20L, 256L, 512L, 512L), (act.ComputeCycles, act.TotalCycles, act.DramReadsIfmap, act.DramWritesOfmap));
        Assert.True(act.EnergyVectorPj > 0);
        Assert.All(layers.Skip(7), l => Assert.Equal((0L, 0L, 0.0), (l.TotalCycles, l.DramReadsIfmap, l.EnergyPj)));

        var point = ResultsCsv.Read<PointRow>(Path.Combine(dir.Path, "points.csv")).Single();
        Assert.Equal(("ok", "2 opaque ops (no model, costed 0 cycles and 0 pJ, so the totals leave them out): nms (NonMaxSuppression), topk (TopK)"),
            (point.Status, point.Reason));
        Assert.Equal(layers.Sum(l => l.TotalCycles), point.LatencyCycles);
        Assert.Equal(layers.Sum(l => l.EnergyVectorPj), point.EnergyVectorPj, 6);
        Assert.Equal(WorkloadYaml.Parse("w.yaml", Mixed).TotalMacs, point.Macs);
    }

    [Fact]
    public void Scalesim_mode_refuses_a_general_conv_with_exit_2()
    {
        using var dir = new TempDirectory();
        var (code, _, stderr) = CliRunner.Run("run", s_arch, dir.Write("w.yaml", Mixed), "--mode", "scalesim", "-o", dir.Path);
        Assert.Equal(2, code);
        Assert.Contains("op 'stem': SCALE-Sim mode cannot express a conv with groups 1, dilation 1x1, strides 2x2, pads [0, 0, 1, 1]", stderr, StringComparison.Ordinal);
        Assert.Contains("Fix: run it in default mode", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_then_run_with_the_mapping_gives_the_same_latencies()
    {
        using var dir = new TempDirectory();
        var workload = dir.Write("w.yaml", Mixed);
        var map = CliRunner.Run("map", workload, "--arch", s_arch, "-o", Path.Combine(dir.Path, "map"), "--time-limit", "10", "--deterministic-time", "5");
        Assert.True(map.ExitCode == 0, map.Error);
        Assert.Contains("5 of 5 GEMM/conv layers mapped", map.Out, StringComparison.Ordinal);
        Assert.Contains("warning: 2 opaque ops", map.Error, StringComparison.Ordinal);
        var mapped = ResultsCsv.Read<MappedLayerRow>(Path.Combine(dir.Path, "map", "layers.csv"));
        Assert.Equal(["stem", "dw", "dil", "up", "qk"], mapped.Select(r => r.Layer));
        Assert.Equal([1L, 8, 1, 1, 4], mapped.Select(r => r.Instances));
        Assert.Equal(["conv2d", "conv2d", "conv2d", "conv_transpose2d", "gemm"], mapped.Select(r => r.OpKind));
        // The dilated conv maps through its GEMM view (M = 64 outputs, N = 8, K = 3·3·8).
        Assert.Equal("M64 N8 K72", mapped[2].Dims);
        Assert.Equal("N1 K1 C1 P8 Q8 R3 S3 ×8", mapped[1].Dims);
        var yaml = File.ReadAllText(Path.Combine(dir.Path, "map", "mapping.yaml"));
        Assert.Contains("instances: 8", yaml, StringComparison.Ordinal);

        var run = CliRunner.Run("run", s_arch, workload, "--mapping", Path.Combine(dir.Path, "map", "mapping.yaml"), "-o", Path.Combine(dir.Path, "run"));
        Assert.True(run.ExitCode == 0, run.Error);
        var layers = ResultsCsv.Read<LayerRow>(Path.Combine(dir.Path, "run", "layers.csv"));
        var gemmRows = layers.Where(l => l.OpKind is "conv2d" or "conv_transpose2d" or "gemm").ToList();
        Assert.Equal(mapped.Select(r => (r.Layer, r.LatencyCycles)), gemmRows.Select(l => (l.Layer, l.TotalCycles)));
        // Energy: layers.csv adds the components (each fJ / 1000), the mapper divides their integer sum: equal to rounding.
        Assert.All(mapped.Zip(gemmRows), p => Assert.Equal(p.First.EnergyPj, p.Second.EnergyPj, 6));
        // The vector and opaque ops keep their models under a mapping file.
        using var plain = new TempDirectory();
        Assert.Equal(0, CliRunner.Run("run", s_arch, workload, "-o", plain.Path).ExitCode);
        var plainLayers = ResultsCsv.Read<LayerRow>(Path.Combine(plain.Path, "layers.csv"));
        Assert.Equal(plainLayers.Where(l => l.OpKind is "vector" or "opaque").Select(l => l.TotalCycles),
            layers.Where(l => l.OpKind is "vector" or "opaque").Select(l => l.TotalCycles));
    }

    [Fact]
    public void Map_refuses_an_opaque_op_of_unknown_shape_naming_it()
    {
        using var dir = new TempDirectory();
        var workload = dir.Write("w.yaml", Mixed.Replace("operator: TopK, shape: [1, 10]", "operator: TopK", StringComparison.Ordinal));
        var (code, _, stderr) = CliRunner.Run("map", workload, "--arch", s_arch, "-o", dir.Path);
        Assert.Equal(2, code);
        Assert.Contains("op 'topk' is opaque (TopK: no model for this operator) with no known output shape", stderr, StringComparison.Ordinal);
    }
}
