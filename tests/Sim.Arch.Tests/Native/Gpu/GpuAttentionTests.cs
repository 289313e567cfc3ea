using Sim.Arch.Native;
using Sim.Core.Reference;
using AttentionOp = Sim.Core.Workloads.Attention;

namespace Sim.Arch.Tests.Native.Gpu;

/// <summary>
/// The fused online-softmax kernel on the emulated GPU against <see cref="ReferenceAttention"/> (fp64). Error norm as
/// the executor tests: max |o − ref| / max |V| ≤ 1e-5 (fp32 sums of a few dozen terms).
/// </summary>
[Collection(GpuEmulatedGroup.Name)]
public class GpuAttentionTests(GpuEmulatedFixture fixture)
{
    private readonly INativeTarget _gpu = fixture.Target;

    private static float[] Random(Random rng, long count, float range) =>
        Enumerable.Range(0, (int)count).Select(_ => (float)((rng.NextDouble() * 2 - 1) * range)).ToArray();

    private void AssertMatchesReference(AttentionOp op, float scoreRange)
    {
        var rng = new Random(op.Name.Length * 7 + (int)op.SeqKv);
        var q = Random(rng, op.QElements, scoreRange);
        var k = Random(rng, op.KvElements, 1);
        var v = Random(rng, op.KvElements, 1);
        using var run = _gpu.Attention(op, q, k, v);
        run.Run();
        var actual = run.Result();
        var expected = ReferenceAttention.Run(op, q, k, v);
        Assert.Equal(expected.Length, actual.Length);
        var scale = v.Max(x => Math.Abs((double)x));
        var error = actual.Select((x, i) => Math.Abs(x - expected[i])).Max() / scale;
        Assert.True(error <= 1e-5, $"{op}: error {error}");
    }

    [Fact]
    public void Multi_head_attention_matches_the_reference() =>
        AssertMatchesReference(new AttentionOp("mha", 2, 2, 2, 5, 7, 8, false), 1);

    [Fact]
    public void Grouped_query_causal_prefill_over_two_query_blocks_and_three_key_tiles_matches_the_reference() =>
        // 40 queries: two 32-query groups; d = 64 stages 32 keys per tile; scores up to ~±30 exercise the running max.
        AssertMatchesReference(new AttentionOp("gqa", 1, 4, 2, 40, 70, 64, true), 4);

    [Fact]
    public void Head_dim_200_stages_20_keys_per_tile_and_matches_the_reference() =>
        // 4096 staged floats / 200 = 20 keys per tile (fewer than the 32-key maximum): 45 keys are tiles of 20, 20 and 5.
        AssertMatchesReference(new AttentionOp("d200", 1, 2, 1, 3, 45, 200, true), 1);

    [Fact]
    public void Multi_query_causal_decode_sees_every_cached_key() =>
        AssertMatchesReference(new AttentionOp("mqa-decode", 2, 4, 1, 1, 37, 16, true), 1);

    [Fact]
    public void A_causal_query_sees_only_keys_up_to_its_aligned_position()
    {
        // Prefill, d = 1: query 0 sees only key 0, so its output is V[0] whatever the later keys hold.
        var op = new AttentionOp("mask", 1, 1, 1, 3, 3, 1, true);
        using var run = _gpu.Attention(op, [1, 1, 1], [0, 0, 0], [5, 7, 9]);
        run.Run();
        var o = run.Result();
        Assert.Equal(5f, o[0]);
        Assert.Equal(6f, o[1], 1e-5f);
        Assert.Equal(7f, o[2], 1e-5f);
    }
}
