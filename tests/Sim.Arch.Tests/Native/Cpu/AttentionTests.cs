using CsCheck;
using Sim.Arch.Native.Cpu;
using Sim.Core.Reference;
using AttentionOp = Sim.Core.Workloads.Attention;

namespace Sim.Arch.Tests.Native.Cpu;

/// <summary>
/// Fused online-softmax attention against the fp64 oracle: the error relative to max |V| (each output is a convex
/// combination of V rows) at most 1e-5, as for the simulator's own attention executor but tighter (fp32 throughout,
/// d ≤ 80). Sequences past <see cref="CpuAttentionRun.BlockKeys"/> make the running max and rescaling happen.
/// </summary>
public class AttentionTests
{
    private const double Tolerance = 1e-5;

    public static TheoryData<AttentionOp> Cases => new()
    {
        new AttentionOp("mha", 2, 4, 4, 9, 9, 16, Causal: false),
        new AttentionOp("gqa-prefill", 1, 8, 2, 150, 150, 32, Causal: true),
        new AttentionOp("mqa-prefill", 2, 4, 1, 70, 70, 24, Causal: true),
        new AttentionOp("gqa-decode", 2, 8, 4, 1, 200, 64, Causal: true),
        new AttentionOp("mqa-decode", 1, 6, 1, 1, 129, 80, Causal: true),
        new AttentionOp("chunked-prefill", 1, 4, 2, 37, 140, 17, Causal: true),
        new AttentionOp("cross", 1, 2, 2, 5, 131, 8, Causal: false),
        new AttentionOp("tiny", 1, 1, 1, 1, 1, 1, Causal: true),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_path_matches_the_reference(AttentionOp op)
    {
        var (q, k, v) = Operands(op, seed: (int)(op.SeqKv * 31 + op.HeadDim));
        foreach (var isa in Enum.GetValues<CpuIsa>())
            AssertClose(op, q, k, v, isa, threads: 2);
    }

    [Fact]
    public void Large_scores_do_not_overflow_the_running_sum()
    {
        // Scores of several hundred: exp without the running max would overflow fp32 (limit ~88).
        var op = new AttentionOp("hot", 1, 2, 1, 10, 100, 16, Causal: true);
        var (q, k, v) = Operands(op, seed: 4);
        for (var i = 0; i < q.Length; i++)
            q[i] *= 40;
        for (var i = 0; i < k.Length; i++)
            k[i] *= 40;
        AssertClose(op, q, k, v, CpuIsaPaths.Best, threads: 2);
    }

    [Fact]
    public void Random_attentions_match_and_do_not_depend_on_threads() =>
        Gen.Select(Gen.Int[1, 2], Gen.Int[1, 3], Gen.Int[1, 3], Gen.Int[1, 80], Gen.Int[0, 80], Gen.Int[1, 40], Gen.Bool, Gen.Int[0, 999])
            .Sample((batch, kvHeads, group, seqQ, extraKv, d, causal, seed) =>
            {
                var op = new AttentionOp("random", batch, kvHeads * group, kvHeads, seqQ, seqQ + extraKv, d, causal);
                var (q, k, v) = Operands(op, seed);
                var one = AssertClose(op, q, k, v, CpuIsaPaths.Best, threads: 1);
                var three = AssertClose(op, q, k, v, CpuIsaPaths.Best, threads: 3);
                Assert.Equal(one, three);
            }, iter: 30);

    private static float[] AssertClose(AttentionOp op, float[] q, float[] k, float[] v, CpuIsa isa, int threads)
    {
        var expected = ReferenceAttention.Run(op, q, k, v);
        using var run = new CpuAttentionRun(op, q, k, v, isa, threads);
        run.Run();
        var actual = run.Result();
        var scale = Math.Max(v.Max(x => Math.Abs((double)x)), 1e-30);
        for (var i = 0; i < actual.Length; i++)
        {
            var error = Math.Abs(actual[i] - expected[i]) / scale;
            Assert.True(error <= Tolerance, $"{op} {isa}: output {i} = {actual[i]} vs {expected[i]} (relative error {error:e2})");
        }

        return actual;
    }

    private static (float[] Q, float[] K, float[] V) Operands(AttentionOp op, int seed)
    {
        var random = new Random(seed);
        float[] Fill(long count) => [.. Enumerable.Range(0, (int)count).Select(_ => (float)(random.NextDouble() * 2 - 1))];
        return (Fill(op.QElements), Fill(op.KvElements), Fill(op.KvElements));
    }
}
