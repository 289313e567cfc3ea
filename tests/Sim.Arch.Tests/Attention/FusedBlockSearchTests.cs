using CsCheck;
using Sim.Arch.Attention;
using Sim.Core.Hardware;
using Sim.Core.Workloads;
using AttentionOp = Sim.Core.Workloads.Attention;

namespace Sim.Arch.Tests.Attention;

public class FusedBlockSearchTests
{
    /// <summary>The shipped attention sweep's arch: 128×128 OS, fp16, 1.5 MiB on chip, 128 B/cycle.</summary>
    private static readonly ArchSpec s_tpu = new("tpu", new SystolicSpec(128, 128, Dataflow.Os), new ScratchpadSpec(512, 512, 512),
        new DramSpec(128, 0), 1, 2)
    { Vector = new VectorUnitSpec(256, 1, 1, 1, 7) };

    private static AttentionResult Auto(AttentionOp a, ArchSpec arch) => AttentionModel.Evaluate(a, arch, AttentionLowering.Fused);

    private static AttentionResult Fa1(AttentionOp a, ArchSpec arch) =>
        AttentionModel.Evaluate(a, arch, AttentionLowering.Fused, SimMode.Default, FusedBlockPolicy.Fa1);

    [Fact]
    public void Auto_keeps_the_lowest_edp_candidate_and_its_own_energy()
    {
        // Brute force over every candidate block, each evaluated on its own: the search must land on the minimum
        // (energy·cycles, cycles, DRAM bytes), and its energy must be that block's alone (no sums leaking across candidates).
        var arch = s_tpu with { Tile = new SystolicSpec(8, 8, Dataflow.Os), Scratchpad = new ScratchpadSpec(4, 4, 4), Dram = new DramSpec(8, 0) };
        foreach (var a in new[] { new AttentionOp("p", 1, 2, 2, 200, 200, 16, false), new AttentionOp("c", 2, 4, 1, 96, 128, 32, true), new AttentionOp("d", 4, 8, 2, 1, 300, 64, true) })
        {
            // The documented candidate set, enumerated here independently: powers of two below each extent, the extent,
            // and FA1's block, kept when Br·d + 2·Bc·d + Br·Bc + Br·(2 + d) words fit.
            long words = arch.OnChipBufferBytes / 2, d = a.HeadDim;
            static IEnumerable<long> Sizes(long extent) => Enumerable.Range(0, 40).Select(i => 1L << i)
                .Where(x => x * 4096 >= extent).TakeWhile(x => x < extent).Append(extent);
            var blocks = (from br in Sizes(a.GroupRows) from bc in Sizes(a.SeqKv) select new FusedBlock(br, bc))
                .Append(FusedTiling.Fa1(words, d, a.GroupRows, a.SeqKv)!.Value)
                .Where(b => b.Rows * d + 2 * b.Cols * d + b.Rows * b.Cols + b.Rows * (2 + d) <= words)
                .Distinct().ToList();
            Assert.Equal(blocks.OrderBy(b => (b.Rows, b.Cols)).ToList(), FusedTiling.Candidates(words, d, a.GroupRows, a.SeqKv).OrderBy(b => (b.Rows, b.Cols)).ToList());
            var results = blocks.Select(b => AttentionModel.EvaluateFused(a, arch, b)!).ToList();
            var best = results.MinBy(r => (r.Energy.TotalPj * r.TotalCycles, r.TotalCycles, r.DramBytes))!;
            var auto = Auto(a, arch);
            Assert.Equal((best.TotalCycles, best.DramBytes), (auto.TotalCycles, auto.DramBytes));
            var alone = AttentionModel.EvaluateFused(a, arch, auto.Block!.Value)!;
            Assert.Equal(alone.Energy, auto.Energy);
        }
    }

    [Fact]
    public void Auto_never_has_a_higher_edp_than_fa1() =>
        Gen.Select(Gen.Int[1, 2], Gen.Int[1, 4], Gen.Int[1, 200], Gen.Int[0, 200], Gen.Int[0, 2].Select(i => 8 << (2 * i)), Gen.Bool).Sample((batch, group, seqQ, extra, d, causal) =>
        {
            var a = new AttentionOp("r", batch, 2 * group, 2, seqQ, seqQ + extra, d, causal);
            var arch = s_tpu with { Tile = new SystolicSpec(8, 8, Dataflow.Os), Scratchpad = new ScratchpadSpec(8, 8, 8), Dram = new DramSpec(16, 0) };
            var auto = Auto(a, arch);
            var fa1 = Fa1(a, arch);
            return auto.Energy.TotalPj * auto.TotalCycles <= fa1.Energy.TotalPj * fa1.TotalCycles;
        }, iter: 60);

    [Fact]
    public void On_a_large_scratchpad_auto_fills_the_array_rows_and_cuts_k_v_re_reads()
    {
        // BERT-base head, 8K tokens: K and V (2·8192·64·2 B = 2 MiB) do not fit 1.5 MiB, so they stream once per row
        // block. FA1 keeps Br = d = 64: ⌈8192/64⌉ = 128 re-reads. The search takes Br ≥ 128 (every array row busy).
        var a = new AttentionOp("bert", 1, 12, 12, 8192, 8192, 64, false);
        var auto = Auto(a, s_tpu);
        var fa1 = Fa1(a, s_tpu);
        Assert.False(auto.KvResident);
        Assert.Equal(64, fa1.Block!.Value.Rows);
        var rows = auto.Block!.Value.Rows;
        Assert.True(rows >= 128 && rows % 128 == 0, $"auto block {auto.Block}");
        // Q and O once, K and V once per row block: 12 heads × (2·8192·64·2 + ⌈8192/Br⌉·2·8192·64·2) B.
        long QoBytes = 12L * 2 * 8192 * 64 * 2, KvPass = 12L * 2 * 8192 * 64 * 2;
        Assert.Equal(QoBytes + (8192 / rows) * KvPass, auto.DramBytes);
        Assert.Equal(QoBytes + 128 * KvPass, fa1.DramBytes);
        Assert.True(auto.TotalCycles < fa1.TotalCycles);
        Assert.True(auto.BufferNeedBytes <= s_tpu.OnChipBufferBytes);
    }

    [Fact]
    public void Auto_block_and_buffer_need_stop_depending_on_seq_once_the_sequence_exceeds_the_block()
    {
        var needs = new[] { 16384L, 32768, 65536 }
            .Select(n => Auto(new AttentionOp("p", 1, 12, 12, n, n, 64, false), s_tpu))
            .Select(r => (r.Block, r.BufferNeedBytes)).Distinct().ToList();
        Assert.Single(needs);
    }

    [Fact]
    public void Huge_sequences_are_costed_in_bounded_time()
    {
        // 64 query heads over 1 KV head, causal, 10⁷ tokens: 6.4·10⁸ stacked rows. Row blocks with equal live-block
        // counts are counted in runs, and no candidate cuts an extent into more than 4096 blocks, so this is fast; the
        // scores it counts are the closed form's (useful MACs = 2·d per unmasked score).
        var a = new AttentionOp("huge", 1, 64, 1, 10_000_000, 10_000_000, 64, true);
        var r = Auto(a, s_tpu);
        Assert.True(r.Feasible, r.Reason);
        Assert.True(r.TensorMacs >= a.Macs);
        var dense = Auto(a with { Causal = false }, s_tpu);
        Assert.True(dense.TensorMacs >= 2 * r.TensorMacs - (2 * r.TensorMacs / 100), "causal work is about half the dense work");
    }
}
