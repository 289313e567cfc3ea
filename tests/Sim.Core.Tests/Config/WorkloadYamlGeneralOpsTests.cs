using Sim.Core.Config;
using Sim.Core.Workloads;

namespace Sim.Core.Tests.Config;

/// <summary>The imported-network op kinds in YAML: general convs, transposed convs, batched GEMMs, vector and opaque ops.</summary>
public class WorkloadYamlGeneralOpsTests
{
    private const string Network = """
        name: ocr-like
        ops:
          - {name: stem, kind: conv2d, ifmap_h: 48, ifmap_w: 320, filter_h: 3, filter_w: 3, channels: 3, filters: 16, stride: 2, pads: [1, 1, 1, 1]}
          - {name: dw, kind: conv2d, ifmap_h: 24, ifmap_w: 160, filter_h: 3, filter_w: 3, channels: 16, filters: 16, stride: 2, stride_w: 1, pads: [0, 0, 1, 1], dilation: [1, 2], groups: 16, inputs: [stem]}
          - {name: act, kind: vector, function: hard_swish, shape: [1, 16, 12, 157], inputs: [dw]}
          - {name: up, kind: conv_transpose2d, ifmap_h: 12, ifmap_w: 157, filter_h: 2, filter_w: 2, channels: 16, filters: 8, stride: 2, pads: [0, 0, 0, 0], inputs: [act]}
          - {name: qk, kind: gemm, m: 40, n: 40, k: 32, batch: 8, inputs: [up]}
          - {name: sm, kind: vector, function: softmax, shape: [8, 40, 40], window: 40, inputs: [qk]}
          - {name: nms, kind: opaque, operator: NonMaxSuppression, reason: "op type 'NonMaxSuppression' has no shape rule", inputs: [sm]}
        """;

    [Fact]
    public void General_ops_load_with_their_fields()
    {
        var w = WorkloadYaml.Parse("n.yaml", Network);
        var dw = Assert.IsType<Conv2d>(w.Ops[1]);
        Assert.Equal((2L, 1L, 16L, 2L), (dw.Stride, dw.StrideW, dw.Groups, dw.DilationW));
        Assert.Equal(new ConvPads(0, 0, 1, 1), dw.Pads);
        // Padded 25x161, dilated extent 3x5: (25 - 3)/2 + 1 = 12, (161 - 5)/1 + 1 = 157.
        Assert.Equal((12L, 157L), (dw.OfmapH, dw.OfmapW));
        Assert.Equal(new VectorOps(2 * 30144, 30144, 2 * 30144, 0), Assert.IsType<VectorOp>(w.Ops[2]).Work);
        Assert.Equal((24L, 314L), (Assert.IsType<ConvTranspose2d>(w.Ops[3]).OfmapH, ((ConvTranspose2d)w.Ops[3]).OfmapW));
        Assert.Equal(8 * 40 * 40 * 32, w.Ops[4].Macs);
        var nms = Assert.IsType<OpaqueOp>(w.Ops[6]);
        Assert.Null(nms.OutputShape);
        Assert.Equal("NonMaxSuppression", nms.Operator);
    }

    [Fact]
    public void Writer_round_trips_every_kind_byte_for_byte()
    {
        var w = WorkloadYaml.Parse("n.yaml", Network);
        var text = WorkloadYamlWriter.Write(w, ["imported for a test"]);
        Assert.StartsWith("# imported for a test\nname: ocr-like\nops:\n", text, StringComparison.Ordinal);
        var again = WorkloadYaml.Parse("again.yaml", text);
        Assert.Equal(text, WorkloadYamlWriter.Write(again, ["imported for a test"]));
        Assert.Equal(w.TotalMacs, again.TotalMacs);
        Assert.Equal(w.Ops.Select(o => o.Kind), again.Ops.Select(o => o.Kind));
    }

    [Fact]
    public void Writer_quotes_names_yaml_would_misread()
    {
        var w = new Workload("1st net", [new Gemm("p2o.MatMul.0", 1, 2, 3), new Gemm("#x", 1, 2, 3, ["p2o.MatMul.0"])]);
        var text = WorkloadYamlWriter.Write(w);
        Assert.Contains("name: \"1st net\"", text, StringComparison.Ordinal);
        Assert.Contains("{name: p2o.MatMul.0, kind: gemm", text, StringComparison.Ordinal);
        Assert.Equal(["p2o.MatMul.0", "#x"], WorkloadYaml.Parse("q.yaml", text).Ops.Select(o => o.Name));
    }

    [Theory]
    [InlineData("{name: a, kind: conv2d, ifmap_h: 8, ifmap_w: 8, filter_h: 3, filter_w: 3, channels: 6, filters: 6, groups: 4}", "groups 4 must divide")]
    [InlineData("{name: a, kind: conv2d, ifmap_h: 8, ifmap_w: 8, filter_h: 3, filter_w: 3, channels: 6, filters: 6, pads: [1, 1]}", "expected 4 values, found 2")]
    [InlineData("{name: a, kind: conv2d, ifmap_h: 8, ifmap_w: 8, filter_h: 3, filter_w: 3, channels: 6, filters: 6, padding: 1, pads: [1, 1, 1, 1]}", "both padding and pads")]
    [InlineData("{name: a, kind: conv2d, ifmap_h: 4, ifmap_w: 4, filter_h: 3, filter_w: 3, channels: 1, filters: 1, dilation: [2, 2]}", "dilated")]
    [InlineData("{name: a, kind: vector, function: swishy, shape: [4]}", "unknown vector function 'swishy'")]
    [InlineData("{name: a, kind: vector, function: softmax, shape: [10], window: 4}", "row length")]
    [InlineData("{name: a, kind: vector, function: relu, shape: [4, 0]}", "dimension '0'")]
    [InlineData("{name: a, kind: opaque, shape: [4]}", "operator")]
    [InlineData("{name: a, kind: conv_transpose2d, ifmap_h: 4, ifmap_w: 4, filter_h: 3, filter_w: 3, channels: 1, filters: 1, stride: 2, output_padding: [2, 0]}", "output padding")]
    public void Bad_general_ops_are_reported_on_their_line(string op, string expected)
    {
        var e = Assert.Throws<SimInputException>(() => WorkloadYaml.Parse("w.yaml", $"name: x\nops:\n  - {op}\n"));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Contains("w.yaml:3", e.Message, StringComparison.Ordinal);
    }
}
