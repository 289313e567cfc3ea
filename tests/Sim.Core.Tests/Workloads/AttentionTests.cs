using CsCheck;
using Sim.Core.Config;
using Sim.Core.Workloads;

namespace Sim.Core.Tests.Workloads;

public class AttentionTests
{
    private static Attention Shape(long seqQ, long seqKv, bool causal, long heads = 1, long kvHeads = 1, long batch = 1, long d = 8) =>
        new("t", batch, heads, kvHeads, seqQ, seqKv, d, causal);

    [Theory]
    // Prefill N = 4, causal: query i sees i+1 keys → 1+2+3+4 = 10 = N(N+1)/2.
    [InlineData(4, 4, true, 10)]
    // SeqQ 3 against 5 cached keys: offset 2, so queries see 3, 4, 5 keys → 12 = 3·5 − 3·2/2.
    [InlineData(3, 5, true, 12)]
    // Decode: one query sees every key.
    [InlineData(1, 7, true, 7)]
    [InlineData(3, 5, false, 15)]
    public void Scores_per_head_follow_the_closed_form(long seqQ, long seqKv, bool causal, long expected) =>
        Assert.Equal(expected, Shape(seqQ, seqKv, causal).ScoresPerHead);

    [Fact]
    public void Scores_per_head_equal_the_brute_force_mask_count() =>
        Gen.Select(Gen.Int[1, 40], Gen.Int[0, 40], Gen.Bool).Sample((seqQ, extra, causal) =>
        {
            var a = Shape(seqQ, seqQ + extra, causal);
            long brute = 0;
            for (long i = 0; i < a.SeqQ; i++)
            {
                for (long j = 0; j < a.SeqKv; j++)
                    brute += !causal || j <= i + a.SeqKv - a.SeqQ ? 1 : 0;
            }

            return a.ScoresPerHead == brute && a.VisibleKeys(a.SeqQ - 1) == a.SeqKv;
        });

    [Fact]
    public void Macs_are_d_per_unmasked_score_for_each_gemm()
    {
        // batch 2, 8 heads over 2 KV heads (GQA), causal prefill 4: 2·8·10 = 160 scores, d = 16.
        var a = Shape(4, 4, true, heads: 8, kvHeads: 2, batch: 2, d: 16);
        Assert.Equal(160, a.Scores);
        Assert.Equal(160 * 16, a.QkMacs);
        Assert.Equal(160 * 16, a.PvMacs);
        Assert.Equal(2 * 160 * 16, a.Macs);
        Assert.Equal(4, a.GroupSize);
        Assert.Equal(4, a.Groups);
        Assert.Equal(16, a.GroupRows);
        Assert.Equal(2 * 8 * 4, a.Rows);
        Assert.Equal(2 * 8 * 4 * 16, a.QElements);
        Assert.Equal(2 * 2 * 4 * 16, a.KvElements);
    }

    [Theory]
    [InlineData(0, 1, 1, 1, 1, 1, false, "batch: 0 must be at least 1")]
    [InlineData(1, 12, 5, 1, 1, 1, false, "kv_heads: 5 does not divide heads 12. Fix:")]
    [InlineData(1, 1, 1, 8, 4, 1, true, "seq_q: 8 exceeds seq_kv 4")]
    [InlineData(1, 1, 1, 1, 1, 0, false, "head_dim: 0 must be at least 1")]
    public void Invalid_shapes_name_the_field_and_the_fix(long batch, long heads, long kvHeads, long seqQ, long seqKv, long d, bool causal, string expected)
    {
        var a = new Attention("t", batch, heads, kvHeads, seqQ, seqKv, d, causal);
        Assert.Contains(expected, a.Problem(), StringComparison.Ordinal);
        var e = Assert.Throws<SimInputException>(() => a.Validated("attention"));
        Assert.StartsWith("attention: ", e.Message, StringComparison.Ordinal);
        Assert.Contains("Fix:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mha_gqa_mqa_and_non_causal_longer_queries_are_valid()
    {
        Assert.Null(Shape(4, 4, false, heads: 12, kvHeads: 12).Problem());
        Assert.Null(Shape(4, 4, false, heads: 12, kvHeads: 3).Problem());
        Assert.Null(Shape(4, 4, false, heads: 12, kvHeads: 1).Problem());
        Assert.Null(Shape(8, 4, false).Problem()); // cross-attention: no mask, any lengths
    }

    [Fact]
    public void A_workload_rejects_an_invalid_attention_layer_built_in_code()
    {
        var bad = new AttentionLayer("attn", new Attention("attn", 1, 12, 5, 8, 8, 16, false), AttentionLowering.Fused, []);
        var e = Assert.Throws<ArgumentException>(() => new Workload("w", [bad]));
        Assert.Contains("op 'attn': kv_heads: 5 does not divide heads 12", e.Message, StringComparison.Ordinal);
    }
}
