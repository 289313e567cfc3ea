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
        Assert.Equal(new GemmShape(1, 10, 1024), Assert.IsType<Gemm>(w.Ops[1]).ToGemm());
        Assert.Equal(["c1"], w.Ops[1].Inputs);
    }

    [Fact]
    public void Attention_ops_load_with_defaults()
    {
        var w = WorkloadYaml.Parse("w.yaml", """
            name: attn
            ops:
              - {name: a, kind: attention, heads: 4, seq_q: 8, seq_kv: 8, head_dim: 16}
              - {name: b, kind: attention, batch: 2, heads: 8, kv_heads: 2, seq_q: 1, seq_kv: 100, head_dim: 64, causal: true, lowering: two-pass, inputs: [a]}
            """);
        var a = Assert.IsType<AttentionLayer>(w.Ops[0]);
        Assert.Equal(new Attention("a", 1, 4, 4, 8, 8, 16, false), a.Shape);
        Assert.Equal(AttentionLowering.Fused, a.Lowering);
        Assert.Equal("attention", a.Kind);
        var b = Assert.IsType<AttentionLayer>(w.Ops[1]);
        Assert.Equal(new Attention("b", 2, 8, 2, 1, 100, 64, true), b.Shape);
        Assert.Equal(AttentionLowering.TwoPass, b.Lowering);
        Assert.Equal(["a"], b.Inputs);
        // QKᵀ and P·V: 2 · d MACs per score. a: 4 heads · 8 · 8 scores · 16 · 2 = 8192; b (decode, every key visible):
        // 2 · 8 heads · 100 scores · 64 · 2 = 204800.
        Assert.Equal(8192 + 204_800, w.TotalMacs);
    }

    [Theory]
    [InlineData("{name: a, kind: attention, heads: 4, seq_q: 8, seq_kv: 8, head_dim: 16, lowering: flash}", "field 'ops[0].lowering': unknown lowering 'flash'. Fix: use unfused, two-pass or fused")]
    [InlineData("{name: a, kind: attention, heads: 12, kv_heads: 5, seq_q: 8, seq_kv: 8, head_dim: 16}", "field 'ops[0].kv_heads': 5 does not divide heads 12. Fix: use a divisor of 12")]
    [InlineData("{name: a, kind: attention, heads: 4, seq_q: 9, seq_kv: 8, head_dim: 16, causal: true}", "field 'ops[0].seq_q': 9 exceeds seq_kv 8")]
    [InlineData("{name: a, kind: attention, heads: 4, seq_q: 8, seq_kv: 8, head_dim: 16, causal: yes}", "field 'ops[0].causal': 'yes' is not true or false")]
    [InlineData("{name: a, kind: attention, heads: 4, seq_q: 8, seq_kv: 8}", "field 'ops[0].head_dim': required field is missing")]
    [InlineData("{name: a, kind: attention, heads: 3000000, seq_q: 1000000, seq_kv: 1000000, head_dim: 1}", "the score matrix) or the MAC count overflows")]
    [InlineData("{name: a, kind: attention, heads: 4, seq_q: 8, seq_kv: 8, head_dim: 16, m: 3}", "field 'ops[0].m': unknown key")]
    [InlineData("{name: a, kind: attention, heads: 4000000, seq_q: 4000000, seq_kv: 4000000, head_dim: 4000000}", "field 'ops[0].seq_kv': batch·heads·seq_q·seq_kv (the score matrix) or the MAC count overflows 64-bit arithmetic")]
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
