using CsCheck;
using Sim.Arch.Pim;
using Sim.Core.Hardware;
using Sim.Core.Reference;
using AttentionOp = Sim.Core.Workloads.Attention;

namespace Sim.Arch.Tests.Pim;

public class PimDecodeAttentionTests
{
    private static readonly PimSpec NeuPims = PimPresets.NeuPims;
    private static readonly DramTimingSpec Hbm2 = DramPresets.NeuPimsHbm2;

    [Fact]
    public void Neupims_scheduler_estimate_matches_the_hand_sum_for_gpt3_7b_tp4_at_kv_1024()
    {
        // QK: ⌈1024/512⌉ = 2 chunks × ⌈1024/32⌉ = 32 tiles: 2·100 + 64·184 = 11976.
        // SV: ⌈1024/512⌉·8 = 16 chunks × ⌈128/32⌉ = 4 tiles: 16·100 + 64·184 = 13376.
        Assert.Equal((11976L, 13376L), PimDecodeAttention.NeuPimsEstimate(Hbm2, NeuPims, 1024, 8, 128));
        // KV 100: QK 2·100 + 2·4·184 = 1672; SV 8·100 + 8·4·184 = 6688.
        Assert.Equal((1672L, 6688L), PimDecodeAttention.NeuPimsEstimate(Hbm2, NeuPims, 100, 8, 128));
    }

    [Fact]
    public void Our_estimate_for_gpt3_7b_tp4_at_kv_1024_matches_the_hand_sum()
    {
        var cost = PimDecodeAttention.Cost(NeuPims, Hbm2, 1024, 8, 128);
        // QK: 2 GWRITEs of 124, 64 tiles of 174 (+ tRP after the first): 248 + 174 + 63·188 = 12266, + 14 to close the
        // previous request's rows.
        Assert.Equal(12266 + 14, cost.QkCycles);
        // SV per head: 128 rows × 1024 tokens = 2 chunks of 512 × 4 row groups; a tile is 90 + 14 + 64 = 168 (one READRES):
        // 248 + 168 + 7·182 = 1690, + 14 to close the previous GEMV's rows, × 8 heads.
        Assert.Equal(8 * (1690 + 14), cost.SvCycles);
        Assert.Equal(11976 + 13376, cost.NeuPimsCycles);
        Assert.Equal(2 + 16, cost.GlobalWrites);
        Assert.Equal((64 + 64) * 8, cost.Activates);
        Assert.Equal((64 * 32) + (8 * 8 * 32), cost.Comps);
        Assert.Equal((64 * 4) + (8 * 8), cost.ReadResults);
        // Every K and V byte is read once inside the banks: 2 · L·h·d·2 B.
        Assert.Equal(2L * 1024 * 8 * 128 * 2, cost.BytesInBanks);
        // 25,912 vs NeuPIMs' constant-based 25,352: 2.2% more (we pay tRP = 14 per tile change where its 184 implies ~10).
        Assert.InRange((double)cost.Cycles / cost.NeuPimsCycles, 1.02, 1.03);
        // Precharges: 63 + 1 tile changes in q·Kᵀ, (7 + 1) per head in S·V, each closing a tile's 8 G_ACT groups.
        Assert.Equal((64 + 8 * 8) * 8, cost.Counts.Precharges);
    }

    [Fact]
    public void A_longer_kv_cache_is_never_faster() =>
        Gen.Select(Gen.Int[1, 4096], Gen.Int[1, 600], Gen.Int[6, 7].Select(i => 1 << i), Gen.Int[1, 8])
            .Sample((kv, extra, headDim, heads) =>
            {
                var shorter = PimDecodeAttention.Cost(NeuPims, Hbm2, kv, heads, headDim);
                var longer = PimDecodeAttention.Cost(NeuPims, Hbm2, kv + extra, heads, headDim);
                Assert.True(longer.Cycles >= shorter.Cycles, $"kv {kv + extra} ({longer.Cycles}) faster than kv {kv} ({shorter.Cycles})");
                Assert.True(longer.NeuPimsCycles >= shorter.NeuPimsCycles);
            }, iter: 200);

    [Theory]
    [InlineData(1, 2, 16, 1)]
    [InlineData(37, 3, 24, 2)]
    [InlineData(600, 2, 128, 3)]
    [InlineData(65, 8, 128, 4)]
    public void Functional_decode_attention_matches_the_reference_on_fp16_inputs(int kv, int heads, int headDim, int seed)
    {
        var rng = new Random(seed);
        float[] Random(int n) => PimGemvExecutor.ToHalfPrecision(Enumerable.Range(0, n).Select(_ => (float)((rng.NextDouble() * 4) - 2)).ToArray());
        var q = Random(heads * headDim);
        var k = Random(kv * heads * headDim);
        var v = Random(kv * heads * headDim);
        var expected = ReferenceAttention.Run(new AttentionOp("decode", 1, heads, heads, 1, kv, headDim, false), q, k, v);
        var actual = PimDecodeAttentionExecutor.Run(NeuPims, Hbm2, heads, headDim, q, k, v);
        // Logits enter the PIM buffer as fp16 (relative error ≤ 2^-11 each), so |o − ref| ≤ 2^-11·max|V| plus fp32 noise.
        var bound = 1e-3 * v.Max(Math.Abs);
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < actual.Length; i++)
            Assert.True(Math.Abs(actual[i] - expected[i]) <= bound, $"output {i}: {actual[i]} vs {expected[i]}");
    }
}
