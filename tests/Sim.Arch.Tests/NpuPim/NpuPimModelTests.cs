using CsCheck;
using Sim.Arch.Attention;
using Sim.Arch.Memory.Dram;
using Sim.Arch.NpuPim;
using Sim.Core.Hardware;
using Sim.Core.Workloads;
using Sim.Core.Workloads.Llm;

namespace Sim.Arch.Tests.NpuPim;

public class NpuPimModelTests
{
    // Hand numbers below assume the bus peak, 1024 B per cycle (NeuPims itself streams at the sustained rate; see the last test).
    private static readonly NpuPimSystem s_sys = NpuPimSystem.CreateAtPeak(NpuSpec.NeuPims, PimPresets.NeuPims, DramPresets.NeuPimsHbm2, NpuPimSystem.NeuPimsCapacityBytes);
    private static readonly LlmModelSpec s_gpt7 = LlmPresets.Gpt3Of7B;
    private static readonly NpuPimOptions s_always = new(SubBatching.Always);
    private static readonly NpuPimOptions s_noContention = new(SubBatching.Always, BusContention: false);

    private static NpuPimLayerResult Run(DecodeBatch batch, NpuPimMode mode, NpuPimOptions? options = null, NpuPimSystem? sys = null,
        LlmModelSpec? model = null) =>
        NpuPimModel.DecodeLayer(sys ?? s_sys, model ?? s_gpt7, batch, mode, options: options);

    [Fact]
    public void Dense_programs_by_hand_for_gpt3_7b_tp4()
    {
        // B = 32: LN1 4 rounds × 229 + QKV GEMM (memory-bound) 25024.
        Assert.Equal(916 + 25024, NpuPrograms.Dense(s_sys, s_gpt7, 32, LlmLayerPart.Qkv).Cycles);
        // B = 256: LN1 32 × 229 = 7328; QKV memory (4096·3072 + 256·4096 + 256·3072)·2 / 1024 = 28160 > compute
        // 128 + 95·256 + 128 + 128 − 2 + 256 = 24958.
        Assert.Equal(7328 + 28160, NpuPrograms.Dense(s_sys, s_gpt7, 256, LlmLayerPart.Qkv).Cycles);
        Assert.Equal(0, NpuPrograms.Dense(s_sys, s_gpt7, 0, LlmLayerPart.ProjFfn).Cycles);
    }

    [Fact]
    public void Npu_only_is_qkv_plus_streamed_attention_plus_proj_ffn()
    {
        var r = Run(DecodeBatch.Uniform(32, 1024), NpuPimMode.NpuOnly);
        // One stream for the batch: 32 KV caches of 4 MiB at 1024 B/cycle = 131,072 memory cycles (the arrays need far
        // fewer), 32 softmaxes of 42 on the vector units hide behind it except the last request's.
        Assert.Equal(32 * 4096 + 42, r.MhaCycles);
        Assert.Equal(r.QkvCycles + r.MhaCycles + r.ProjFfnCycles, r.LayerCycles);
        Assert.Equal(r.LayerCycles * 32, r.ModelCycles);
        Assert.Equal(0, r.PimBusyCycles);
        Assert.Null(r.Channels);
        Assert.Equal(1.0, r.NpuUtilization);
        Assert.Equal(32L * 4_194_304, r.NpuBusBytes - NpuPrograms.Dense(s_sys, s_gpt7, 32, LlmLayerPart.Qkv).DramBytes
            - NpuPrograms.Dense(s_sys, s_gpt7, 32, LlmLayerPart.ProjFfn).DramBytes);
    }

    [Fact]
    public void Blocked_is_the_exact_sum_of_its_parts()
    {
        // 64 requests of 1024 on 32 channels: 2 per channel × 25352; softmax 64·8 rows of 42 on 8 units = 64 rounds.
        var r = Run(DecodeBatch.Uniform(64, 1024), NpuPimMode.Blocked);
        Assert.Equal(2 * 25352 + 64 * 42, r.MhaCycles);
        Assert.Equal(r.QkvCycles + r.MhaCycles + r.ProjFfnCycles, r.LayerCycles);
        Assert.Equal(r.Stages.Sum(s => s.Cycles), r.LayerCycles);
        Assert.Equal(2 * 25352, r.PimBusyCycles);
        Assert.Equal(64L * 38912, r.PimBusBytes);
        Assert.Equal(r.LayerCycles - 2 * 25352, r.NpuBusyCycles);
        Assert.Equal(NpuPrograms.Dense(s_sys, s_gpt7, 64, LlmLayerPart.Qkv).Cycles, r.QkvCycles);
    }

    [Theory]
    [InlineData(128, 256)]
    [InlineData(256, 1024)]
    [InlineData(512, 512)]
    public void Neupims_steady_state_is_2_max_of_the_half_batch_programs(int b, int l)
    {
        var batch = DecodeBatch.Uniform(b, l);
        var tNpu = NpuPrograms.Dense(s_sys, s_gpt7, b / 2, LlmLayerPart.Qkv).Cycles + NpuPrograms.Dense(s_sys, s_gpt7, b / 2, LlmLayerPart.ProjFfn).Cycles;
        // Half the batch: b/64 requests per channel; its softmax rows (b/2 · 8) over 8 units.
        var tPim = b / 64 * NeuPimsMhaEstimate.For(s_gpt7, s_sys).RequestCycles(l)
            + b / 2 * NpuVectorCycles.InstructionCycles(LlmVectorKind.Softmax, l, s_sys.Npu);
        var ideal = 2 * Math.Max(tNpu, tPim);

        Assert.Equal(ideal, Run(batch, NpuPimMode.NeuPims, s_noContention).LayerCycles);
        // With contention the NPU also waits for PIM's GWRITE/READRES bytes: at most their bus time per stage, < 10% here.
        var r = Run(batch, NpuPimMode.NeuPims, s_always);
        var busWait = 2 * (long)Math.Ceiling(b / 2 * PimBusTraffic.RequestBytes(s_gpt7, s_sys.Dram, l) / s_sys.NpuDramBytesPerCycle);
        Assert.InRange(r.LayerCycles, ideal, ideal + busWait);
        Assert.InRange((double)r.LayerCycles / ideal, 1.0, 1.10);
    }

    [Fact]
    public void Neupims_model_cycles_add_fill_and_drain()
    {
        var r = Run(DecodeBatch.Uniform(256, 512), NpuPimMode.NeuPims, s_always);
        var s = r.Stages.ToDictionary(x => x.Name, x => x.Cycles);
        Assert.Equal(s["C"] + s["D"], r.LayerCycles);
        Assert.Equal(s["A"] + s["B"] + 31 * (s["C"] + s["D"]) + s["E"] + s["F"], r.ModelCycles);
        Assert.True(r.SubBatched);
        Assert.Equal(r.Stages[0].NpuCycles, NpuPrograms.Dense(s_sys, s_gpt7, 128, LlmLayerPart.Qkv).Cycles);
        Assert.Equal(0, r.Stages[0].PimCycles);
        Assert.Equal(0, r.Stages[5].PimCycles);
    }

    [Fact]
    public void Worked_example_gpt3_7b_tp4_b256_l1024()
    {
        var batch = DecodeBatch.Uniform(256, 1024);
        var npu = Run(batch, NpuPimMode.NpuOnly);
        var blocked = Run(batch, NpuPimMode.Blocked);
        var neu = Run(batch, NpuPimMode.NeuPims);
        Assert.Equal(1_178_986, npu.LayerCycles); // 35,488 QKV + 1,048,576 + 42 KV stream + 94,880 proj+FFN
        Assert.Equal(343_936, blocked.LayerCycles);
        Assert.Equal(238_400, neu.LayerCycles);
        Assert.True(neu.SubBatched);
        Assert.False(neu.KvCache.Feasible); // 32 GiB KV + 3 GiB weights > 32 GiB
        Assert.InRange(neu.TokensPerSecond / npu.TokensPerSecond, 4.85, 4.9);
        Assert.InRange(neu.TokensPerSecond / blocked.TokensPerSecond, 1.4, 1.45);
    }

    [Fact]
    public void Small_batches_fall_back_to_blocked_when_interleaving_does_not_help()
    {
        // B = 32: halving the batch barely shortens the weight-bound GEMMs, so two sub-batches cost ~2× the NPU time.
        var batch = DecodeBatch.Uniform(32, 1024);
        var blocked = Run(batch, NpuPimMode.Blocked);
        var neu = Run(batch, NpuPimMode.NeuPims);
        Assert.Equal(NpuPimMode.NeuPims, neu.Mode);
        Assert.False(neu.SubBatched);
        Assert.Equal(blocked.LayerCycles, neu.LayerCycles);
        Assert.True(Run(batch, NpuPimMode.NeuPims, s_always).ModelCycles > blocked.ModelCycles);
        Assert.Throws<ArgumentException>(() => Run(new DecodeBatch([4, 0]), NpuPimMode.Blocked));
    }

    private static readonly Gen<DecodeBatch> s_batches =
        Gen.Select(Gen.Int[1, 160], Gen.Int[1, 2048], Gen.ULong, Gen.Bool).Select((b, l, seed, uniform) =>
            uniform ? DecodeBatch.Uniform(b, l) : DecodeBatch.Sampled(b, KvLengthDistribution.ShareGptLike, seed));

    [Fact]
    public void Interleaving_when_it_helps_is_never_worse_than_blocked()
    {
        s_batches.Sample(batch =>
        {
            var blocked = Run(batch, NpuPimMode.Blocked);
            var neu = Run(batch, NpuPimMode.NeuPims);
            return neu.ModelCycles <= blocked.ModelCycles && neu.TokensPerSecond >= blocked.TokensPerSecond;
        }, iter: 40);
    }

    private static bool TimelineIsConsistent(NpuPimLayerResult r)
    {
        foreach (var lane in r.Timeline.GroupBy(s => s.Resource))
        {
            long end = 0;
            foreach (var s in lane.OrderBy(s => s.StartCycle))
            {
                if (s.StartCycle < end || s.EndCycle <= s.StartCycle || s.EndCycle > r.LayerCycles)
                    return false;
                end = s.EndCycle;
            }
        }

        // The union of both lanes covers [0, LayerCycles] without a gap.
        long covered = 0;
        foreach (var s in r.Timeline.OrderBy(s => s.StartCycle))
        {
            if (s.StartCycle > covered)
                return false;
            covered = Math.Max(covered, s.EndCycle);
        }

        return covered == r.LayerCycles;
    }

    [Fact]
    public void Timelines_do_not_overlap_per_resource_and_cover_the_layer()
    {
        Gen.Select(s_batches, Gen.Enum<NpuPimMode>(), Gen.Bool).Sample((batch, mode, always) =>
            TimelineIsConsistent(Run(batch, mode, always ? s_always : NpuPimOptions.Default)), iter: 40);
    }

    [Fact]
    public void Neupims_timeline_shows_both_sub_batches_on_both_resources()
    {
        var r = Run(DecodeBatch.Uniform(256, 1024), NpuPimMode.NeuPims, s_always);
        Assert.Equal([1, 2], r.Timeline.Where(s => s.Resource == NpuPimResource.Pim).Select(s => s.SubBatch).Order());
        Assert.Contains(r.Timeline, s => s is { Resource: NpuPimResource.Npu, SubBatch: 1, Label: "proj_ffn", StartCycle: 0 });
        Assert.True(TimelineIsConsistent(r));
    }

    [Fact]
    public void More_arrays_are_never_slower()
    {
        Gen.Select(s_batches, Gen.Enum<NpuPimMode>(), Gen.Int[1, 12], Gen.Int[1, 8]).Sample((batch, mode, arrays, extra) =>
        {
            NpuPimSystem With(int n) => s_sys with { Npu = s_sys.Npu with { Arrays = n } };
            return Run(batch, mode, sys: With(arrays + extra)).ModelCycles <= Run(batch, mode, sys: With(arrays)).ModelCycles;
        }, iter: 30);
    }

    [Fact]
    public void More_channels_are_never_slower_for_pim_modes()
    {
        // Same NPU bandwidth, more PIM channels; equal-length requests (greedy max load ⌈B/C⌉·t is then monotone).
        Gen.Select(Gen.Int[1, 300], Gen.Int[1, 2048], Gen.Int[1, 40], Gen.Int[1, 24], Gen.Bool).Sample((b, l, channels, extra, blocked) =>
        {
            NpuPimSystem With(int c) => s_sys with { Dram = s_sys.Dram with { Channels = c } };
            var mode = blocked ? NpuPimMode.Blocked : NpuPimMode.NeuPims;
            var batch = DecodeBatch.Uniform(b, l);
            return Run(batch, mode, sys: With(channels + extra)).ModelCycles <= Run(batch, mode, sys: With(channels)).ModelCycles;
        }, iter: 40);
    }

    [Fact]
    public void Custom_pim_cost_plugs_in()
    {
        var flat = new FlatCost(1000, 777);
        var r = NpuPimModel.DecodeLayer(s_sys, s_gpt7, DecodeBatch.Uniform(64, 300), NpuPimMode.Blocked, flat);
        Assert.Equal(2000, r.PimBusyCycles); // 64 requests on 32 channels: 2 × 1000
        Assert.Equal(64 * 777, r.PimBusBytes);
        Assert.Equal(64 * 1000 * 300 * 4.4, r.Energy.PimBankPj, 3); // the cost's bank bytes, at 4.4 pJ/B
    }

    private sealed class FlatCost(long cycles, long busBytes) : IPimMhaCost
    {
        public long RequestCycles(int kvTokens) => cycles;

        public long RequestBusBytes(int kvTokens) => busBytes;

        public long RequestBankBytes(int kvTokens) => 1000 * kvTokens;
    }

    [Fact]
    public void Throughput_counts_tp_and_pp_devices()
    {
        var r = Run(DecodeBatch.Uniform(64, 256), NpuPimMode.Blocked, model: LlmPresets.Gpt3Of30B);
        Assert.Equal(24, r.LayersPerDevice);
        Assert.Equal(8, r.Devices);
        Assert.Equal(64 / (r.ModelCycles / 1e9), r.TokensPerSecond, 6);
        Assert.Equal(r.TokensPerSecond / 8, r.TokensPerSecondPerDevice, 6);
    }

    [Fact]
    public void Prefill_runs_on_the_npu_with_the_attention_model()
    {
        var p = NpuPimModel.PrefillLayer(s_sys, s_gpt7, 512);
        Assert.True(p.Attention.Feasible);
        Assert.Equal(AttentionLowering.Unfused, p.Attention.Lowering);
        Assert.Equal(8, p.Attention.Attention.Heads);
        Assert.Equal(p.GemmCycles + p.VectorCycles + p.Attention.TotalCycles, p.LayerCycles);
        // GEMMs: the four of a layer at M = 512, each max(compute, memory).
        var expected = LlmLayerOps.Dense(s_gpt7, 512).OfType<LlmGemm>().Sum(g => NpuGemmCost.Of(g.Shape, s_sys.Npu, s_sys.NpuDramBytesPerCycle).Cycles);
        Assert.Equal(expected, p.GemmCycles);
        // Prefill of 512 tokens is far cheaper per token than 512 decode steps' GEMMs.
        Assert.True(p.GemmCycles < 512 * NpuPrograms.Dense(s_sys, s_gpt7, 1, LlmLayerPart.ProjFfn).Cycles);
    }

    [Fact]
    public void NeuPims_device_streams_at_the_dram_models_sustained_rate_and_is_slower_than_at_peak()
    {
        var sustained = NpuPimSystem.NeuPims.NpuDramBytesPerCycle;
        Assert.Equal(DramBandwidth.SequentialBytesPerCycle(DramPresets.NeuPimsHbm2), sustained);
        Assert.InRange(sustained, 0.9 * 1024, 0.95 * 1024); // refresh + row switches cost 5-10% of the bus peak
        var batch = DecodeBatch.Uniform(64, 1024);
        Assert.True(NpuPimModel.DecodeLayer(NpuPimSystem.NeuPims, s_gpt7, batch, NpuPimMode.NpuOnly).LayerCycles
            > Run(batch, NpuPimMode.NpuOnly).LayerCycles);
    }

    [Fact]
    public void A_single_row_buffer_pim_cannot_interleave_so_neupims_mode_runs_blocked()
    {
        // Newton = NeuPIMs' PIM with one row buffer: NPU reads and PIM rows would conflict, so no sub-batch overlap, even
        // when asked always to interleave and at the batch where the dual-buffer device gains most.
        var newton = s_sys with { Pim = PimPresets.Newton };
        var batch = DecodeBatch.Uniform(512, 512);
        var blocked = Run(batch, NpuPimMode.Blocked, s_always, newton);
        var neu = Run(batch, NpuPimMode.NeuPims, s_always, newton);
        Assert.False(neu.SubBatched);
        Assert.Equal(NpuPimMode.NeuPims, neu.Mode);
        Assert.Equal(blocked.ModelCycles, neu.ModelCycles);
        Assert.True(Run(batch, NpuPimMode.NeuPims, s_always).ModelCycles < neu.ModelCycles, "the dual buffer is what buys the overlap");
    }

    [Fact]
    public void One_request_is_not_split_into_sub_batches()
    {
        var one = DecodeBatch.Uniform(1, 1024);
        var neu = Run(one, NpuPimMode.NeuPims, s_always);
        Assert.False(neu.SubBatched);
        Assert.Equal(Run(one, NpuPimMode.Blocked).ModelCycles, neu.ModelCycles);
    }

    [Fact]
    public void A_2_ghz_npu_sees_half_the_bytes_per_cycle_and_twice_the_pim_cycles()
    {
        var fast = NpuPimSystem.CreateAtPeak(NpuSpec.NeuPims with { ClockGhz = 2.0 }, PimPresets.NeuPims, DramPresets.NeuPimsHbm2, NpuPimSystem.NeuPimsCapacityBytes);
        Assert.Equal(512.0, fast.NpuDramBytesPerCycle); // 1024 B per 1 ns memory cycle = 512 B per 0.5 ns NPU cycle
        Assert.Equal(50_704, fast.MemoryToNpuCycles(25_352));
        // 32 requests of 1024 on 32 channels: one each, NeuPIMs' estimate 25,352 memory cycles = 50,704 NPU cycles.
        var r = NpuPimModel.DecodeLayer(fast, s_gpt7, DecodeBatch.Uniform(32, 1024), NpuPimMode.Blocked, NeuPimsMhaEstimate.For(s_gpt7, fast));
        Assert.Equal(50_704, r.PimBusyCycles);
        Assert.Equal(2.0, r.ClockGhz);
    }

    [Fact]
    public void Blocked_with_our_pim_model_by_hand()
    {
        // B = 256, L = 1024 on 32 channels: 8 requests per channel × 25,912 (q·Kᵀ 12,280 + S·V 8 · 1,704, PimDecodeAttentionTests)
        // = 207,296 PIM cycles; QKV 35,488, proj+FFN 94,880 (Dense_programs_by_hand); softmax 256·8 rows of 1024 on 8 units:
        // 256 rounds of 42 = 10,752.
        var batch = DecodeBatch.Uniform(256, 1024);
        var r = NpuPimModel.DecodeLayer(s_sys, s_gpt7, batch, NpuPimMode.Blocked, PimModelMhaCost.For(s_gpt7, s_sys));
        Assert.Equal(8 * 25_912, r.PimBusyCycles);
        Assert.Equal(35_488 + 8 * 25_912 + 10_752 + 94_880, r.LayerCycles);
    }

    [Fact]
    public void Neupims_mode_utilisations_count_work_only()
    {
        var r = Run(DecodeBatch.Uniform(512, 512), NpuPimMode.NeuPims, s_always);
        Assert.True(r.SubBatched);
        Assert.InRange(r.NpuUtilization, 0.01, 1.0);
        Assert.InRange(r.PimUtilization, 0.01, 1.0);
        var pimSegments = r.Timeline.Where(t => t.Resource == NpuPimResource.Pim).Sum(t => t.Cycles);
        Assert.True(r.PimBusyCycles < pimSegments, "the PIM segments include the NPU softmax between the GEMVs; busy does not");
    }

    [Fact]
    public void Energy_by_hand_for_blocked_and_npu_only()
    {
        var batch = DecodeBatch.Uniform(32, 1024);
        var blocked = Run(batch, NpuPimMode.Blocked);
        // Dense MACs per token: QKV 4096·3072 + out 1024·4096 + FFN 2·4096·4096 = 50,331,648; × 32 tokens × 0.41 pJ.
        Assert.Equal(32 * 50_331_648L * 0.41, blocked.Energy.NpuMacPj, 3);
        // PIM: 32 requests × 8 heads × 1024 tokens × 128 × 2 (q·Kᵀ, S·V) MACs × 0.32 pJ; 32 × 4 MiB of K and V × 4.4 pJ/B.
        Assert.Equal(32 * 2_097_152L * 0.32, blocked.Energy.PimAluPj, 3);
        Assert.Equal(32 * 4_194_304L * 4.4, blocked.Energy.PimBankPj, 1);
        // Bus: the estimate's 38,912 B per request (PimSideTests) and the NPU's bytes, at 28.7 pJ/B.
        Assert.Equal(32 * 38_912 * 28.7, blocked.Energy.PimBusPj, 3);
        Assert.Equal(blocked.NpuBusBytes * 28.7, blocked.Energy.NpuDramPj, 3);
        // Per token: × 32 layers × 4 devices / 32 tokens.
        Assert.Equal(blocked.Energy.TotalPj * 32 * 4 / 32, blocked.EnergyPerTokenPj, 3);

        var npuOnly = Run(batch, NpuPimMode.NpuOnly);
        Assert.Equal(32 * (50_331_648L + 2_097_152L) * 0.41, npuOnly.Energy.NpuMacPj, 3);
        Assert.Equal(0, npuOnly.Energy.PimBankPj + npuOnly.Energy.PimAluPj + npuOnly.Energy.PimBusPj);
        // The KV cache crosses the HBM interface at 28.7 pJ/B instead of being read in its bank at 4.4 (134 MB: 3.85 vs 0.59 mJ
        // per layer) beside ~100 MB of weights both modes stream (2.9 mJ): NPU-only spends about 1.75× the energy per token.
        Assert.InRange(npuOnly.EnergyPerTokenPj / blocked.EnergyPerTokenPj, 1.6, 1.9);
    }

    [Fact]
    public void Interleaving_reads_the_weights_twice()
    {
        // Two sub-batches each run the layer's GEMMs, so the NPU streams the layer's weights twice: 50,331,648 params ×
        // 2 B = 100,663,296 B more than blocked (activations are split, not repeated), at 28.7 pJ/B.
        var batch = DecodeBatch.Uniform(512, 512);
        var blocked = Run(batch, NpuPimMode.Blocked);
        var neu = Run(batch, NpuPimMode.NeuPims, s_always);
        Assert.True(neu.SubBatched);
        Assert.Equal(100_663_296, neu.NpuBusBytes - blocked.NpuBusBytes);
        Assert.Equal(100_663_296 * 28.7, neu.Energy.NpuDramPj - blocked.Energy.NpuDramPj, 1);
    }

    [Fact]
    public void Energy_per_token_counts_every_layer_and_device_of_a_pipelined_model()
    {
        // GPT-3 30B: tp 4 × pp 2 = 8 devices, 24 layers each; B = 64.
        var m = LlmPresets.Gpt3Of30B;
        var r = NpuPimModel.DecodeLayer(s_sys, m, DecodeBatch.Uniform(64, 256), NpuPimMode.Blocked);
        Assert.Equal((24, 8), (r.LayersPerDevice, r.Devices));
        Assert.Equal(r.Energy.TotalPj * 24 * 8 / 64, r.EnergyPerTokenPj, 3);
    }
}
