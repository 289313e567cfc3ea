using Sim.Core.Config;
using Sim.Core.Workloads;

namespace Sim.Core.Tests.Config;

public class WorkloadYamlTests
{
    [Fact]
    public void Ops_load_with_defaults()
    {
        var w = WorkloadYaml.Parse("w.yaml", """
            name: tiny
            ops:
              - {name: c1, kind: conv2d, ifmap_h: 8, ifmap_w: 8, filter_h: 3, filter_w: 3, channels: 4, filters: 16, padding: 1}
              - {name: fc, kind: gemm, m: 1, n: 10, k: 1024, inputs: [c1]}
            """);
        Assert.Equal("tiny", w.Name);
        var conv = Assert.IsType<Conv2d>(w.Ops[0]);
        Assert.Equal((1L, 1L), (conv.Stride, conv.Batch));
        Assert.Equal(new GemmShape(64, 16, 36), conv.ToGemm());
        Assert.Equal(new GemmShape(1, 10, 1024), w.Ops[1].ToGemm());
        Assert.Equal(["c1"], w.Ops[1].Inputs);
    }

    [Theory]
    [InlineData("{name: a, kind: matmul, m: 1, n: 1, k: 1}", "w.yaml:3:21: field 'ops[0].kind': unknown op kind 'matmul'")]
    [InlineData("{name: a, kind: gemm, m: 1, n: 1}", "field 'ops[0].k': required field is missing")]
    [InlineData("{name: a, kind: gemm, m: 1, n: 1, k: 1, inputs: [a]}", "the ops a form a cycle")]
    [InlineData("{name: a, kind: gemm, m: 3000000, n: 3000000, k: 3000000}", "op 'a' has more than 2^63 MACs")]
    [InlineData("{name: a, kind: conv2d, ifmap_h: 2, ifmap_w: 2, filter_h: 3, filter_w: 3, channels: 1, filters: 1}", "larger than the padded 2x2 input")]
    public void Bad_ops_are_reported_with_location(string op, string expected)
    {
        var e = Assert.Throws<SimInputException>(() => WorkloadYaml.Parse("w.yaml", $"name: x\nops:\n  - {op}\n"));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }
}
