using CsCheck;
using Sim.Arch.Attention;
using AttentionOp = Sim.Core.Workloads.Attention;

namespace Sim.Arch.Tests.Attention;

public class FusedTilingTests
{
    [Fact]
    public void Need_is_q_block_plus_k_and_v_blocks_plus_scores_plus_row_state()
    {
        // Br 4, Bc 4, d 8: 4·8 + 2·4·8 + 4·4 + 4·(2+8) = 32 + 64 + 16 + 40 = 152 words.
        Assert.Equal(152, FusedTiling.NeedWords(new FusedBlock(4, 4), 8));
        // The minimum block 1×1: d + 2d + 1 + (2 + d) = 4d + 3.
        Assert.Equal(4 * 64 + 3, FusedTiling.NeedWords(new FusedBlock(1, 1), 64));
    }

    [Theory]
    // FA1: M = 786,432 words (1.5 MiB of fp16), d = 64: Bc = ⌈M/256⌉ = 3072, Br = min(3072, 64) = 64;
    // need 64·64 + 2·3072·64 + 64·3072 + 64·66 = 598,144 ≤ M.
    [InlineData(786_432, 64, 1 << 20, 1 << 20, 64, 3072)]
    // Clamped to the sequence: 100 keys, 3 stacked rows.
    [InlineData(786_432, 64, 3, 100, 3, 100)]
    // M = 32, d = 2: FA1 gives Bc = 4, Br = 2 (need 4 + 16 + 8 + 8 = 36 > 32), halved to 2×2 (need 24).
    [InlineData(32, 2, 8, 8, 2, 2)]
    // M = 8192, d = 64 (M < 8d² + 8d): FA1's Bc = 32, Br = 32 needs 2048+4096+1024+2112 = 9280 > 8192 → 16×16 (4384).
    [InlineData(8192, 64, 4096, 4096, 16, 16)]
    public void Block_follows_fa1_then_halves_until_it_fits(long words, long d, long rows, long keys, long br, long bc)
    {
        var block = FusedTiling.Fa1(words, d, rows, keys);
        Assert.Equal(new FusedBlock(br, bc), block);
        Assert.True(FusedTiling.NeedWords(block!.Value, d) <= words);
    }

    [Fact]
    public void No_block_when_even_one_by_one_does_not_fit() =>
        Assert.Null(FusedTiling.Fa1(4 * 64 + 2, 64, 100, 100));

    [Fact]
    public void Causal_prefill_visits_only_the_lower_triangle_of_blocks()
    {
        // N = 8, 2×2 blocks: row blocks end at rows 1, 3, 5, 7 → see 2, 4, 6, 8 keys → 1 + 2 + 3 + 4 = 10 of 16 blocks.
        var a = new AttentionOp("t", 1, 1, 1, 8, 8, 2, true);
        Assert.Equal([(new FusedBlock(2, 2), 10L)], FusedTiling.LiveBlocks(a, new FusedBlock(2, 2)));
        Assert.Equal([(new FusedBlock(2, 2), 16L)], FusedTiling.LiveBlocks(a with { Causal = false }, new FusedBlock(2, 2)));
    }

    [Fact]
    public void Ragged_edges_form_their_own_block_shapes()
    {
        // N = 7, Br 2, Bc 3: row blocks [0,1] [2,3] [4,5] [6] see 2, 4, 6, 7 keys → 1, 2, 2, 3 key blocks;
        // the last row block is 1 row and its third key block is 7 − 6 = 1 key wide.
        var a = new AttentionOp("t", 1, 1, 1, 7, 7, 2, true);
        Assert.Equal(
            [(new FusedBlock(1, 1), 1L), (new FusedBlock(1, 3), 2L), (new FusedBlock(2, 3), 5L)],
            FusedTiling.LiveBlocks(a, new FusedBlock(2, 3)));
    }

    [Fact]
    public void Live_blocks_match_a_brute_force_scan_of_every_block() =>
        Gen.Select(Gen.Int[1, 3], Gen.Int[1, 12], Gen.Int[0, 6], Gen.Bool, Gen.Int[1, 7], Gen.Int[1, 7]).Sample((group, seqQ, extra, causal, br, bc) =>
        {
            var a = new AttentionOp("t", 1, group, 1, seqQ, seqQ + extra, 4, causal);
            var expected = new SortedDictionary<(long, long), long>();
            for (long r0 = 0; r0 < a.GroupRows; r0 += br)
            {
                for (long c0 = 0; c0 < a.SeqKv; c0 += bc)
                {
                    long rows = Math.Min(br, a.GroupRows - r0), cols = Math.Min(bc, a.SeqKv - c0);
                    var anyVisible = false;
                    for (var r = r0; r < r0 + rows; r++)
                        anyVisible |= c0 < a.VisibleKeys(r / group);
                    if (anyVisible)
                        expected[(rows, cols)] = expected.GetValueOrDefault((rows, cols)) + 1;
                }
            }

            var actual = FusedTiling.LiveBlocks(a, new FusedBlock(br, bc)).ToDictionary(x => (x.Shape.Rows, x.Shape.Cols), x => x.Count);
            return actual.Count == expected.Count && expected.All(kv => actual.GetValueOrDefault(kv.Key) == kv.Value);
        });
}
