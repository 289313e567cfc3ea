using CsCheck;
using Sim.Arch.Attention;
using Sim.Core.Reference;
using Sim.Core.Workloads;
using AttentionOp = Sim.Core.Workloads.Attention;

namespace Sim.Arch.Tests.Attention;

/// <summary>
/// Each lowering's fp32 executor against the fp64 reference. Error norm: max over outputs of |o − ref| divided by
/// max |V| — every output is a convex combination of V rows, so ‖V‖∞ is its natural scale — at most 1e-4.
/// </summary>
public class AttentionExecutorTests
{
    private const double Tolerance = 1e-4;

    private static double RelativeError(float[] actual, double[] expected, float[] v)
    {
        Assert.Equal(expected.Length, actual.Length);
        var scale = Math.Max(v.Max(x => Math.Abs((double)x)), 1e-30);
        return actual.Select((x, i) => Math.Abs(x - expected[i])).Max() / scale;
    }

    private static float[] Random(Random rng, long count, float range) =>
        Enumerable.Range(0, (int)count).Select(_ => (float)((rng.NextDouble() * 2 - 1) * range)).ToArray();

    private static void AssertAllLoweringsMatch(AttentionOp a, float[] q, float[] k, float[] v, FusedBlock block)
    {
        var expected = ReferenceAttention.Run(a, q, k, v);
        foreach (var lowering in AttentionLoweringNames.All)
        {
            var actual = AttentionExecutor.Run(lowering, a, q, k, v, block);
            Assert.All(actual, x => Assert.True(float.IsFinite(x), $"{lowering}: non-finite output"));
            var error = RelativeError(actual, expected, v);
            Assert.True(error <= Tolerance, $"{lowering} on {a} with block {block}: error {error}");
        }
    }

    [Fact]
    public void Random_small_shapes_match_the_reference_in_every_lowering() =>
        Gen.Select(Gen.Int[1, 2], Gen.Int[1, 2], Gen.Int[1, 3], Gen.Int[1, 6], Gen.Int[0, 4], Gen.Int[1, 8])
            .Select(Gen.Bool, Gen.Int[1, 5], Gen.Int[1, 5], Gen.Int[0, 1000], (shape, causal, br, bc, seed) => (shape, causal, br, bc, seed))
            .Sample(t =>
            {
                var ((batch, kvHeads, group, seqQ, extra, d), causal, br, bc, seed) = t;
                var a = new AttentionOp("r", batch, kvHeads * group, kvHeads, seqQ, seqQ + extra, d, causal);
                var rng = new Random(seed);
                AssertAllLoweringsMatch(a, Random(rng, a.QElements, 2), Random(rng, a.KvElements, 2), Random(rng, a.KvElements, 1), new FusedBlock(br, bc));
            }, iter: 60);

    [Theory]
    // decode (SeqQ 1) with GQA, MQA prefill causal, MHA cross-length causal, blocks larger than the problem, 1×1 blocks
    [InlineData(2, 8, 2, 1, 9, 16, true, 4, 4)]
    [InlineData(1, 4, 1, 7, 7, 8, true, 3, 2)]
    [InlineData(1, 3, 3, 5, 11, 4, true, 2, 4)]
    [InlineData(1, 2, 2, 3, 3, 2, false, 64, 64)]
    [InlineData(1, 2, 1, 4, 6, 3, true, 1, 1)]
    public void Edge_shapes_match_the_reference(int batch, int heads, int kvHeads, int seqQ, int seqKv, int d, bool causal, int br, int bc)
    {
        var a = new AttentionOp("e", batch, heads, kvHeads, seqQ, seqKv, d, causal);
        var rng = new Random(seqQ * 31 + seqKv);
        AssertAllLoweringsMatch(a, Random(rng, a.QElements, 1), Random(rng, a.KvElements, 1), Random(rng, a.KvElements, 1), new FusedBlock(br, bc));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Huge_logits_stay_finite_and_correct_in_every_lowering(bool causal)
    {
        // d = 16 (√d = 4 exactly) and integer operands: every fp32 dot product (< 2^24) and score (a multiple of 1/4) is
        // exact, so the test measures the softmax alone. q[0] = 1000 and k[0] ∈ [38, 42] put scores near 1e4, where
        // exp overflows fp32 (and fp64): a softmax that exponentiates raw scores returns ∞/NaN.
        var a = new AttentionOp("huge", 1, 2, 1, 6, 8, 16, causal);
        var rng = new Random(7);
        float[] Ints(long count, int low, int high) => Enumerable.Range(0, (int)count).Select(_ => (float)rng.Next(low, high + 1)).ToArray();
        var q = Ints(a.QElements, -3, 3);
        var k = Ints(a.KvElements, -3, 3);
        for (var i = 0; i < q.Length; i += 16)
            q[i] = 1000;
        for (var i = 0; i < k.Length; i += 16)
            k[i] = rng.Next(38, 43);
        var v = Random(rng, a.KvElements, 1);
        var maxScore = ReferenceScores(a, q, k).Max();
        Assert.InRange(maxScore, 9000, 11000);
        Assert.True(float.IsPositiveInfinity(MathF.Exp((float)maxScore)));
        AssertAllLoweringsMatch(a, q, k, v, new FusedBlock(3, 3));
    }

    [Fact]
    public void Two_pass_exp_pairs_reconstruct_exp_and_do_not_overflow()
    {
        foreach (var s in new[] { -20f, -0.5f, 0f, 1f, 88f, 1e4f })
        {
            var (m, e) = TwoPassExecutor.ExpPair(s);
            Assert.InRange(m, 0.70, 1.42); // m ∈ [1/√2, √2]
            Assert.Equal(s, Math.Log(m) + e * Math.Log(2), 5);
        }
    }

    [Fact]
    public void Fused_executor_needs_a_block() =>
        Assert.Throws<ArgumentNullException>(() => AttentionExecutor.Run(AttentionLowering.Fused, new AttentionOp("x", 1, 1, 1, 1, 1, 1, false), [1], [1], [1]));

    private static IEnumerable<double> ReferenceScores(AttentionOp a, float[] q, float[] k)
    {
        for (var h = 0; h < a.Heads; h++)
        {
            for (var i = 0; i < a.SeqQ; i++)
            {
                for (var j = 0; j < a.SeqKv; j++)
                {
                    double dot = 0;
                    for (var e = 0; e < a.HeadDim; e++)
                        dot += (double)q[(h * a.SeqQ + i) * a.HeadDim + e] * k[j * a.HeadDim + e];
                    yield return dot / Math.Sqrt(a.HeadDim);
                }
            }
        }
    }
}
