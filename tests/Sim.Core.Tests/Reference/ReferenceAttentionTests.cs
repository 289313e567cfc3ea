using Sim.Core.Reference;
using Sim.Core.Workloads;

namespace Sim.Core.Tests.Reference;

public class ReferenceAttentionTests
{
    [Fact]
    public void One_key_returns_its_value_row()
    {
        var a = new Attention("t", 1, 1, 1, 2, 1, 2, false);
        var output = ReferenceAttention.Run(a, [1, 2, 3, 4], [5, 6], [7, -8]);
        Assert.Equal([7, -8, 7, -8], output);
    }

    [Fact]
    public void Scores_zero_and_ln3_weigh_values_one_quarter_and_three_quarters()
    {
        // d = 1: scores q·k = 0 and ln 3 → softmax (1/4, 3/4) → 4/4 + 3·8/4 = 7.
        var a = new Attention("t", 1, 1, 1, 1, 2, 1, false);
        var output = ReferenceAttention.Run(a, [1], [0, MathF.Log(3)], [4, 8]);
        Assert.Equal(7, output[0], 1e-6);
    }

    [Fact]
    public void Zero_queries_average_the_visible_values_under_a_causal_mask()
    {
        // Prefill 3, d = 1, Q = 0: query i averages V[0..i] → 3, (3+6)/2, (3+6+12)/3.
        var a = new Attention("t", 1, 1, 1, 3, 3, 1, true);
        var output = ReferenceAttention.Run(a, [0, 0, 0], [1, 2, 3], [3, 6, 12]);
        Assert.Equal(new[] { 3, 4.5, 7 }, output);
    }

    [Fact]
    public void Grouped_heads_read_their_shared_kv_head()
    {
        // 2 query heads, 1 KV head (MQA), one key: both heads return that key's value.
        var a = new Attention("t", 1, 2, 1, 1, 1, 1, false);
        Assert.Equal([5, 5], ReferenceAttention.Run(a, [1, 2], [1], [5]));
        // 2 query heads over 2 KV heads: each its own.
        var mha = a with { KvHeads = 2 };
        Assert.Equal([5, 9], ReferenceAttention.Run(mha, [1, 2], [1, 1], [5, 9]));
    }

    [Fact]
    public void Huge_scores_stay_finite()
    {
        // Scores 1e4 and 1e4 − 1: exp(1e4) overflows double, the max subtraction does not.
        var a = new Attention("t", 1, 1, 1, 1, 2, 1, false);
        var output = ReferenceAttention.Run(a, [1e4f], [1, 1 - 1e-4f], [0, 1]);
        Assert.True(double.IsFinite(output[0]));
        Assert.True(output[0] is > 0.26 and < 0.27); // 1/(1+e) = 0.2689
    }
}
