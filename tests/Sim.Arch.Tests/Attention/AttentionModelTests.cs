using CsCheck;
using Sim.Arch.Attention;
using Sim.Arch.Energy;
using Sim.Core.Hardware;
using Sim.Core.Workloads;
using AttentionOp = Sim.Core.Workloads.Attention;

namespace Sim.Arch.Tests.Attention;

public class AttentionModelTests
{
    /// <summary>A 2×2 OS array, fp16 words, 4 vector lanes, 128 B per scratchpad (384 B on chip), 16 B/cycle DRAM.</summary>
    private static readonly ArchSpec s_small = new("small", new SystolicSpec(2, 2, Dataflow.Os), new ScratchpadSpec(0.125, 0.125, 0.125),
        new DramSpec(16, 0), 1.0, 2)
    { Vector = new VectorUnitSpec(4, 1, 1, 1, 7) };

    /// <summary>Batch 1, 2 query heads over 1 KV head (MQA: group of 2), prefill 4, d = 8.</summary>
    private static readonly AttentionOp s_mqa = new("mqa", 1, 2, 1, 4, 4, 8, false);

    /// <summary>The hand cases below derive FA1's block; <see cref="FusedBlockSearchTests"/> covers the default search.</summary>
    private static AttentionResult Run(AttentionOp a, ArchSpec arch, AttentionLowering lowering) =>
        AttentionModel.Evaluate(a, arch, lowering, SimMode.Default, FusedBlockPolicy.Fa1);

    // Hand traffic for s_mqa at 2 B/word: |Q| = |O| = 2·4·8 = 64 words = 128 B; |K| = |V| = 4·8 = 32 words = 64 B;
    // |S| = |P| = 2·4·4 = 32 words = 64 B.
    [Fact]
    public void Unfused_traffic_writes_s_reads_it_three_times_writes_and_reads_p()
    {
        var r = Run(s_mqa, s_small, AttentionLowering.Unfused);
        Assert.True(r.Feasible, r.Reason);
        Assert.Equal(["qk", "max", "sum", "normalize", "pv"], r.Passes.Select(p => p.Name));
        Assert.Equal([(192L, 64L), (64, 0), (64, 0), (64, 64), (128, 128)], r.Passes.Select(p => (p.DramReadBytes, p.DramWriteBytes)));
        Assert.Equal(768, r.DramBytes); // 256 + 64 + 64 + 128 + 256
        Assert.Equal([16L, 4, 4, 8, 16], r.Passes.Select(p => p.MemoryCycles)); // bytes / 16 B per cycle
    }

    [Fact]
    public void Two_pass_traffic_drops_the_max_pass()
    {
        var r = Run(s_mqa, s_small, AttentionLowering.TwoPass);
        Assert.Equal(["qk", "sum", "normalize", "pv"], r.Passes.Select(p => p.Name));
        Assert.Equal(704, r.DramBytes); // 768 − one read of S (64 B)
    }

    [Fact]
    public void Unfused_gemm_passes_re_fetch_what_does_not_fit_by_the_tile_rules()
    {
        // 1 head, prefill 8, d 8, fp16 on a 2×2 OS array. Ifmap scratchpad 64 B < Q (8·8·2 = 128 B): Q is fetched
        // again for each of the ⌈SeqKv/2⌉ = 4 column folds of QKᵀ (the row folds in between need other Q rows):
        // 4·128 = 512 B, K (128 B, fits the 128 B filter scratchpad) once: qk reads 640 B, writes S 128 B.
        // P·V likewise: P (128 B) 4× = 512 B, V once 128 B: 640 B; writes O 128 B.
        var arch = s_small with { Scratchpad = new ScratchpadSpec(0.0625, 0.125, 0.125) };
        var r = Run(new AttentionOp("p", 1, 1, 1, 8, 8, 8, false), arch, AttentionLowering.Unfused);
        Assert.True(r.Feasible, r.Reason);
        Assert.Equal((640L, 128L), (r.Pass("qk")!.DramReadBytes, r.Pass("qk")!.DramWriteBytes));
        Assert.Equal((640L, 128L), (r.Pass("pv")!.DramReadBytes, r.Pass("pv")!.DramWriteBytes));
        // With room for Q and P they are read once: 256 B each pass.
        var roomy = Run(new AttentionOp("p", 1, 1, 1, 8, 8, 8, false), s_small with { Scratchpad = new ScratchpadSpec(1, 1, 1) }, AttentionLowering.Unfused);
        Assert.Equal(256, roomy.Pass("qk")!.DramReadBytes);
        Assert.Equal(256, roomy.Pass("pv")!.DramReadBytes);
    }

    [Fact]
    public void Vector_energy_does_not_follow_the_pe_variant()
    {
        // A bit-weight multiplier array makes MACs cheaper, not the softmax unit: lane ops cost the kind's base MAC pJ.
        var mac = Run(s_mqa, s_small, AttentionLowering.Unfused);
        var bitweight = Run(s_mqa, s_small with { Costs = s_small.Costs with { Variant = PeVariant.BitWeight } }, AttentionLowering.Unfused);
        Assert.Equal(mac.Energy.VectorPj, bitweight.Energy.VectorPj, 12);
        Assert.True(bitweight.Energy.MacPj < mac.Energy.MacPj);
        Assert.Equal(CostDefaults.Mac(s_small.Tile).MacPj * mac.Passes.Aggregate(VectorOps.Zero, (t, p) => t + p.VectorOps).LaneCycles(s_small.Vector), mac.Energy.VectorPj, 9);
    }

    [Fact]
    public void The_max_pass_costs_one_score_matrix_through_the_scratchpad_each_way()
    {
        // Unfused has one more softmax pass than two-pass: S is filled from DRAM (an SRAM write per byte) and read by
        // the vector unit (an SRAM read per byte); the GEMMs and the other passes are the same in both.
        var costs = CostResolver.Resolve(s_small);
        var unfused = Run(s_mqa, s_small, AttentionLowering.Unfused);
        var twoPass = Run(s_mqa, s_small, AttentionLowering.TwoPass);
        const long SBytes = 64; // 2 heads · 4 · 4 · 2 B
        Assert.Equal(SBytes * (costs.SramReadPjPerByte + costs.SramWritePjPerByte), unfused.Energy.SramPj - twoPass.Energy.SramPj, 9);
    }

    [Fact]
    public void Fused_traffic_reads_k_and_v_once_per_row_block()
    {
        // MQA group of 2, SeqQ 4 (8 stacked rows), SeqKv 8, d 8; 320 B = 160 words on chip. FA1: Bc = ⌈160/32⌉ = 5,
        // Br = 5 needs 40 + 80 + 25 + 50 = 195 > 160 → halved to 3×3 (24 + 48 + 9 + 30 = 111 words = 222 B).
        // Whole K, V in place of the blocks: 24 + 128 + 9 + 30 = 191 > 160, so not resident: ⌈8/3⌉ = 3 row blocks
        // each read all 8 keys of K and V: 3·8·8·2 B·2 = 768 B. Q (2·4·8·2 = 128 B) once, O (128 B) once: 1024 B.
        var a = new AttentionOp("mqa", 1, 2, 1, 4, 8, 8, false);
        var arch = s_small with { Scratchpad = new ScratchpadSpec(0.125, 0.125, 0.0625) };
        var r = Run(a, arch, AttentionLowering.Fused);
        Assert.Equal(new FusedBlock(3, 3), r.Block);
        Assert.Equal(222, r.BufferNeedBytes);
        Assert.False(r.KvResident);
        Assert.Equal(["fused"], r.Passes.Select(p => p.Name));
        Assert.Equal(128 + 768, r.Passes[0].DramReadBytes);
        Assert.Equal(128, r.Passes[0].DramWriteBytes);
        // With room for K and V (64 KB scratchpads) they are read once: 128 + 2·128 + 128.
        var roomy = Run(a, s_small with { Scratchpad = new ScratchpadSpec(64, 64, 64) }, AttentionLowering.Fused);
        Assert.True(roomy.KvResident);
        Assert.Equal(512, roomy.DramBytes);
        // s_mqa on 384 B: block 4×4 spans all 4 keys, so K and V are the block and stay: Q 128 + K,V 128 + O 128.
        var whole = Run(s_mqa, s_small, AttentionLowering.Fused);
        Assert.Equal(new FusedBlock(4, 4), whole.Block);
        Assert.True(whole.KvResident);
        Assert.Equal(384, whole.DramBytes);
    }

    [Fact]
    public void Causal_fused_skips_fully_masked_blocks()
    {
        // Prefill 8, d 2, 2 B words, 64 B on chip = 32 words → block 2×2 (see FusedTilingTests); whole K, V in place of
        // the blocks: 4 + 32 + 4 + 8 = 48 words > 32, so K/V blocks are re-read.
        // Causal: 10 live blocks × 2 keys × d 2 × 2 B × (K and V) = 160 B; + Q 32 + O 32 = 224. Dense: 16 blocks → 320.
        var arch = s_small with { Tile = new SystolicSpec(1, 1, Dataflow.Os), Scratchpad = new ScratchpadSpec(32 / 1024.0, 16 / 1024.0, 16 / 1024.0), Vector = new VectorUnitSpec(1, 1, 1, 1, 7) };
        var a = new AttentionOp("c", 1, 1, 1, 8, 8, 2, true);
        var causal = Run(a, arch, AttentionLowering.Fused);
        Assert.Equal(new FusedBlock(2, 2), causal.Block);
        Assert.Equal(224, causal.DramBytes);
        Assert.Equal(320, Run(a with { Causal = false }, arch, AttentionLowering.Fused).DramBytes);
        // The engine ran 10 blocks of QKᵀ (2·2·2 MACs) and P·V (2·2·2): 160 MACs; useful MACs 2·36·2 = 144.
        Assert.Equal(160, causal.TensorMacs);
        Assert.Equal(144, a.Macs);
    }

    [Fact]
    public void Unfused_vector_work_counts_every_softmax_op_by_class()
    {
        // N = 32 scores, R = 8 rows, |Q| = 64.
        var r = Run(s_mqa, s_small, AttentionLowering.Unfused);
        Assert.Equal(new VectorOps(0, 0, 64, 0), r.Pass("qk")!.VectorOps);          // Q · 1/√d
        Assert.Equal(new VectorOps(32, 0, 0, 0), r.Pass("max")!.VectorOps);
        Assert.Equal(new VectorOps(0, 64, 0, 32), r.Pass("sum")!.VectorOps);        // s − m, exp, Σ
        Assert.Equal(new VectorOps(0, 32, 32, 40), r.Pass("normalize")!.VectorOps); // s − m, exp, ·1/l; 8 reciprocals
        // 4 lanes: max 32/4 = 8 cycles; sum 64/4 + 7·32/4 = 72; normalize 8 + 8 + 7·10 = 86.
        Assert.Equal([16L, 8, 72, 86, 0], r.Passes.Select(p => p.VectorCycles));
    }

    [Fact]
    public void Fused_vector_work_adds_the_online_rescale_per_block()
    {
        // 2 row blocks of 4×4, d 8, per block: max 16+4, add 2·16 + 2·4 + 4·8 = 72, mul 4·9 = 36, exp 16+4;
        // once: |Q| 64 + R·d 64 muls, 8 reciprocals.
        var r = Run(s_mqa, s_small, AttentionLowering.Fused);
        Assert.Equal(new VectorOps(40, 144, 72 + 128, 40 + 8), r.Passes[0].VectorOps);
    }

    [Fact]
    public void Vector_cycles_round_each_class_up_to_whole_lane_batches()
    {
        var unit = new VectorUnitSpec(128, 1, 1, 1, 7);
        var ops = new VectorOps(300, 129, 0, 1);
        Assert.Equal(3 + 2 + 0 + 7, ops.Cycles(unit));
        Assert.Equal(300 + 129 + 7, ops.LaneCycles(unit));
    }

    [Fact]
    public void Gemms_go_through_the_tile_evaluator_with_the_group_stacked_along_m()
    {
        var tileArch = s_small with { Dram = DramSpec.Unlimited };
        long Cycles(long m, long n, long k) => TileEvaluator.Evaluate("g", new GemmShape(m, n, k), tileArch, SimMode.Default).ComputeCycles;
        var r = Run(s_mqa, s_small, AttentionLowering.Unfused);
        Assert.Equal(Cycles(8, 4, 8), r.Pass("qk")!.TensorCycles);
        Assert.Equal(Cycles(8, 8, 4), r.Pass("pv")!.TensorCycles);
        var fused = Run(s_mqa, s_small, AttentionLowering.Fused);
        Assert.Equal(2 * (Cycles(4, 4, 8) + Cycles(4, 8, 4)), fused.TensorCycles);
    }

    [Fact]
    public void Passes_overlap_inside_and_add_up_across()
    {
        foreach (var lowering in AttentionLoweringNames.All)
        {
            var r = Run(s_mqa, s_small, lowering);
            Assert.All(r.Passes, p => Assert.Equal(Math.Max(p.TensorCycles, Math.Max(p.VectorCycles, p.MemoryCycles)), p.Cycles));
            Assert.Equal(r.Passes.Sum(p => p.Cycles), r.TotalCycles);
            Assert.Equal(s_mqa.Macs / (4.0 * r.TotalCycles), r.TensorUtilization, 12);
            Assert.Equal((double)r.VectorCycles / r.TotalCycles, r.VectorUtilization, 12);
        }
    }

    [Fact]
    public void Energy_charges_dram_bytes_and_vector_lane_cycles_at_their_table_figures()
    {
        var costs = CostResolver.Resolve(s_small);
        foreach (var lowering in AttentionLoweringNames.All)
        {
            var r = Run(s_mqa, s_small, lowering);
            Assert.Equal(r.DramBytes * costs.DramPjPerByte, r.Energy.DramPj, 9);
            var lane = r.Passes.Aggregate(VectorOps.Zero, (s, p) => s + p.VectorOps).LaneCycles(s_small.Vector);
            Assert.Equal(lane * costs.MacPj, r.Energy.VectorPj, 9); // default pJ per op: the MAC's
            Assert.Equal(r.TensorMacs * costs.MacPj, r.Energy.MacPj, 9);
        }

        var priced = Run(s_mqa, s_small with { Vector = s_small.Vector with { PjPerOp = 2 } }, AttentionLowering.Fused);
        Assert.Equal(2.0 * priced.Passes[0].VectorOps.LaneCycles(s_small.Vector), priced.Energy.VectorPj, 9);
    }

    [Fact]
    public void Unfused_traffic_grows_with_seq_squared_and_fused_with_seq_while_k_and_v_stay_on_chip()
    {
        var arch = new ArchSpec("big", new SystolicSpec(32, 32, Dataflow.Os), new ScratchpadSpec(512, 512, 512), new DramSpec(64, 0), 1, 2);
        AttentionOp Prefill(long n) => new("p", 1, 4, 4, n, n, 64, false);
        double Ratio(AttentionLowering lowering, long n) => (double)Run(Prefill(2 * n), arch, lowering).DramBytes / Run(Prefill(n), arch, lowering).DramBytes;
        // Unfused: 6·|S|·b dominates (|S| ∝ N²); the Q, K, V, O terms (∝ N) keep the ratio just under 4.
        Assert.InRange(Ratio(AttentionLowering.Unfused, 2048), 3.9, 4.0);
        Assert.InRange(Ratio(AttentionLowering.TwoPass, 2048), 3.9, 4.0);
        // Fused at 1K → 2K: a head's K and V (2·2048·64·2 B = 512 KB) fit on chip, so every term is ∝ N.
        Assert.True(Run(Prefill(2048), arch, AttentionLowering.Fused).KvResident);
        Assert.Equal(2.0, Ratio(AttentionLowering.Fused, 1024), 12);
    }

    [Fact]
    public void Fused_traffic_past_the_buffer_is_fa1_quadratic_with_a_smaller_constant()
    {
        // 1.5 MiB: block 64×3072. At 8K and 16K K and V no longer fit: re-read ⌈N/64⌉ times, so the K/V term is
        // 2·N·d·b·N/64 = 4·N² B (Θ(N²d²/M)), against unfused's 6·N²·b = 12·N² B.
        var arch = new ArchSpec("big", new SystolicSpec(32, 32, Dataflow.Os), new ScratchpadSpec(512, 512, 512), new DramSpec(64, 0), 1, 2);
        AttentionOp Prefill(long n) => new("p", 1, 1, 1, n, n, 64, false);
        var small = Run(Prefill(8192), arch, AttentionLowering.Fused);
        var large = Run(Prefill(16384), arch, AttentionLowering.Fused);
        Assert.False(small.KvResident);
        Assert.Equal(new FusedBlock(64, 3072), small.Block);
        long QoBytes(long n) => 2 * n * 64 * 2;
        Assert.Equal(4L * 8192 * 8192, small.DramBytes - QoBytes(8192));
        Assert.Equal(4.0, (double)(large.DramBytes - QoBytes(16384)) / (small.DramBytes - QoBytes(8192)), 12);
        Assert.True(small.DramBytes < Run(Prefill(8192), arch, AttentionLowering.Unfused).DramBytes / 2.9);
    }

    [Fact]
    public void Fused_buffer_need_does_not_depend_on_seq()
    {
        var arch = new ArchSpec("big", new SystolicSpec(32, 32, Dataflow.Os), new ScratchpadSpec(512, 512, 512), new DramSpec(64, 0), 1, 2);
        var needs = new[] { 4096L, 8192, 16384, 65536 }
            .Select(n => Run(new AttentionOp("p", 1, 12, 12, n, n, 64, true), arch, AttentionLowering.Fused).BufferNeedBytes)
            .Distinct().ToList();
        // FA1 on 786,432 words, d 64: Bc = ⌈786432/256⌉ = 3072, Br = min(3072, 64) = 64;
        // 64·64 + 2·3072·64 + 64·3072 + 64·(2 + 64) = 4096 + 393216 + 196608 + 4224 = 598,144 words.
        Assert.Equal([598_144L * 2], needs);
        // The unfused lowerings need O(tile): (6·1024 PEs + 4·128 lanes)·2 B, any seq.
        Assert.Equal(13_312, Run(new AttentionOp("p", 1, 1, 1, 65536, 65536, 64, false), arch, AttentionLowering.Unfused).BufferNeedBytes);
    }

    [Fact]
    public void Two_pass_moves_exactly_one_score_matrix_less_than_unfused() =>
        Gen.Select(Gen.Int[1, 3], Gen.Int[1, 4], Gen.Int[1, 300], Gen.Int[0, 300], Gen.Int[1, 128], Gen.Bool).Sample((batch, group, seqQ, extra, d, causal) =>
        {
            var a = new AttentionOp("r", batch, 2 * group, 2, seqQ, seqQ + extra, d, causal);
            var unfused = Run(a, s_small with { Scratchpad = new ScratchpadSpec(64, 64, 64) }, AttentionLowering.Unfused);
            var twoPass = Run(a, s_small with { Scratchpad = new ScratchpadSpec(64, 64, 64) }, AttentionLowering.TwoPass);
            return unfused.DramBytes - twoPass.DramBytes == a.Batch * a.Heads * a.SeqQ * a.SeqKv * 2 && twoPass.DramBytes < unfused.DramBytes;
        });

    [Fact]
    public void Every_tile_kind_runs_every_lowering()
    {
        TileSpec[] tiles = [new SystolicSpec(16, 16, Dataflow.Ws), new Cube3DSpec(4, 16, 4), new AdderTreeSpec(16, 16), new Matrix2DSpec(16, 16)];
        var a = new AttentionOp("gqa", 2, 8, 2, 64, 64, 32, true);
        foreach (var tile in tiles)
        {
            var arch = new ArchSpec(tile.Kind, tile, new ScratchpadSpec(64, 64, 64), new DramSpec(32, 0), 1, 2);
            foreach (var lowering in AttentionLoweringNames.All)
            {
                var r = Run(a, arch, lowering);
                Assert.True(r.Feasible, $"{tile.Kind} {lowering}: {r.Reason}");
                Assert.True(r.TensorCycles > 0 && r.VectorCycles > 0 && r.TotalCycles > 0 && r.Energy.TotalPj > 0);
                Assert.True(r.TensorMacs >= a.Macs, $"{tile.Kind} {lowering}: the engine runs at least the useful MACs");
                Assert.InRange(r.TensorUtilization, 1e-6, 1);
            }
        }
    }

    [Fact]
    public void Lowerings_that_cannot_fit_are_infeasible_with_a_reason()
    {
        // 3 × 100 B on chip: a 1×1 fused block at d = 64 needs (4·64 + 3)·2 = 518 B.
        var tiny = s_small with { Tile = new SystolicSpec(1, 1, Dataflow.Os), Scratchpad = new ScratchpadSpec(100 / 1024.0, 100 / 1024.0, 100 / 1024.0), Vector = new VectorUnitSpec(1, 1, 1, 1, 7) };
        var a = new AttentionOp("p", 1, 1, 1, 16, 16, 64, false);
        var fused = Run(a, tiny, AttentionLowering.Fused);
        Assert.False(fused.Feasible);
        Assert.Contains("even a 1x1 fused block needs 518 B", fused.Reason, StringComparison.Ordinal);
        Assert.Empty(fused.Passes);
        Assert.Equal(0, fused.TotalCycles);
        Assert.True(Run(a, tiny, AttentionLowering.Unfused).Feasible); // (6 + 4)·2 = 20 B
        // 128 lanes stream (6·1 + 4·128)·2 = 1036 B > 300 B.
        var lanes = Run(a, tiny with { Vector = VectorUnitSpec.Default }, AttentionLowering.TwoPass);
        Assert.Contains("need 1036 B on chip but the scratchpads hold 300 B", lanes.Reason, StringComparison.Ordinal);
        // An infeasible tile makes every lowering infeasible.
        var badTile = Run(a, s_small with { Tile = new SystolicSpec(64, 64, Dataflow.Os) }, AttentionLowering.Fused);
        Assert.Contains("ofmap scratchpad", badTile.Reason, StringComparison.Ordinal);
    }
}
