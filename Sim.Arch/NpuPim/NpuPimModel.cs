using Sim.Arch.Attention;
using Sim.Core.Hardware;
using Sim.Core.Workloads;
using Sim.Core.Workloads.Llm;

namespace Sim.Arch.NpuPim;

/// <summary>
/// One decoder layer of batched decode (or prefill) on an NPU+PIM device, in the three modes of
/// ../shared/research/pim-sparse-attn.md §A.6 eq. 8. See docs/npupim.md for the equations and the stage table.
/// </summary>
public static class NpuPimModel
{
    /// <summary>
    /// Decode step of <paramref name="batch"/> through one layer. <paramref name="pimCost"/> prices one request's MHA on
    /// its channel and bus bytes (default: <see cref="NeuPimsMhaEstimate.For(LlmModelSpec, NpuPimSystem)"/>; the CLI and sweeps default to <see cref="PimModelMhaCost"/>); unused in NPU-only mode. Requests are placed on
    /// channels for timing without a capacity limit; whether weights + KV fit the device is reported in
    /// <see cref="NpuPimLayerResult.KvCache"/>.
    /// </summary>
    public static NpuPimLayerResult DecodeLayer(NpuPimSystem system, LlmModelSpec model, DecodeBatch batch, NpuPimMode mode,
        IPimMhaCost? pimCost = null, NpuPimOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(model);
        pimCost ??= NeuPimsMhaEstimate.For(model, system);
        var result = Timing(system, model, batch, mode, pimCost, options);
        var bankBytes = mode == NpuPimMode.NpuOnly ? 0 : batch.KvLengths.Sum(l => pimCost.RequestBankBytes(l));
        return result with { Energy = NpuPimEnergyModel.Of(result, model, batch, bankBytes, (options ?? NpuPimOptions.Default).EnergyCosts) };
    }

    private static NpuPimLayerResult Timing(NpuPimSystem system, LlmModelSpec model, DecodeBatch batch, NpuPimMode mode,
        IPimMhaCost pimCost, NpuPimOptions? options)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(batch);
        model = (model ?? throw new ArgumentNullException(nameof(model))).Validated("model");
        if (system.Npu.Problem() is { } npuProblem)
            throw new ArgumentException(npuProblem, nameof(system));
        if (batch.Problem() is { } batchProblem)
            throw new ArgumentException(batchProblem, nameof(batch));
        options ??= NpuPimOptions.Default;
        var kv = KvCacheSizing.Check(model, batch, system.DeviceCapacityBytes);
        var ctx = new Context(system, model, batch, kv);
        var qkv = NpuPrograms.Dense(system, model, batch.Size, LlmLayerPart.Qkv);
        var projFfn = NpuPrograms.Dense(system, model, batch.Size, LlmLayerPart.ProjFfn);

        if (mode == NpuPimMode.NpuOnly)
        {
            var attention = NpuDecodeAttention.OfBatch([.. LlmLayerOps.Decode(model, batch).OfType<LlmDecodeAttention>()], system.Npu, system.NpuDramBytesPerCycle);
            long mha = attention.Cycles, mhaBytes = attention.DramBytes;

            return Sequential(ctx, mode, qkv, projFfn, [new("mha", mha, 0)], [(NpuPimResource.Npu, "mha", mha)], mha, mhaBytes, 0, 0, null);
        }

        var requestCycles = batch.KvLengths.Select(pimCost.RequestCycles).ToArray();
        var requestBusBytes = batch.KvLengths.Select(pimCost.RequestBusBytes).ToArray();
        var assignment = PimChannelBalancer.Assign(requestCycles, system.PimChannels, options.Channels);
        var all = Enumerable.Range(0, batch.Size).ToArray();
        var whole = NpuPrograms.Mha(system, model, batch, all, requestCycles, requestBusBytes, assignment);
        var blocked = Sequential(ctx, mode, qkv, projFfn,
            [new("mha_pim", 0, whole.PimCycles), new("mha_softmax", whole.SoftmaxCycles, 0)],
            [(NpuPimResource.Pim, "mha (pim)", whole.PimCycles), (NpuPimResource.Npu, "mha softmax", whole.SoftmaxCycles)],
            whole.Cycles, 0, whole.PimCycles, whole.BusBytes, assignment);
        if (mode == NpuPimMode.Blocked)
            return blocked;

        // Interleaving needs NPU traffic and PIM commands on the same banks at once — NeuPIMs' second row buffer; with one
        // (Newton, HBM-PIM, AiM) the channel serves one side at a time, which is the blocked schedule. One request cannot
        // be split into two sub-batches.
        if (!system.Pim.DualRowBuffer || batch.Size < 2)
            return blocked with { Mode = NpuPimMode.NeuPims };
        var interleaved = Interleaved(ctx, options, qkv, projFfn, whole, requestCycles, requestBusBytes, assignment);
        return options.SubBatching == SubBatching.WhenItHelps && blocked.ModelCycles <= interleaved.ModelCycles
            ? blocked with { Mode = NpuPimMode.NeuPims }
            : interleaved;
    }

    /// <summary>
    /// Prefill of <paramref name="requests"/> prompts of <paramref name="promptTokens"/> through one layer, all on the NPU:
    /// the dense ops by the NPU models (M = requests × prompt tokens), the causal attention by Sim.Arch/Attention under
    /// <paramref name="lowering"/> (NeuPIMs runs prefill logits + softmax unfused on the NPU). For that model the NPU's
    /// arrays are one 128 × (arrays·128) WS array (same PEs), its scratchpads the operand (halved for ifmap/filter) and
    /// accumulator buffers, its vector units one unit of units × lanes lanes with the NPU's latencies.
    /// </summary>
    public static NpuPrefillResult PrefillLayer(NpuPimSystem system, LlmModelSpec model, int promptTokens, int requests = 1,
        AttentionLowering lowering = AttentionLowering.Unfused)
    {
        ArgumentNullException.ThrowIfNull(system);
        model = (model ?? throw new ArgumentNullException(nameof(model))).Validated("model");
        var npu = system.Npu;
        long gemm = 0, vector = 0, bytes = 0;
        Core.Workloads.Attention? attention = null;
        foreach (var op in LlmLayerOps.Prefill(model, promptTokens, requests))
        {
            switch (op)
            {
                case LlmGemm g:
                    var cost = NpuGemmCost.Of(g.Shape, npu, system.NpuDramBytesPerCycle);
                    gemm += cost.Cycles;
                    bytes += cost.DramBytes;
                    break;
                case LlmVectorOp v:
                    vector += NpuVectorCycles.OpCycles(v, npu);
                    break;
                case LlmPrefillAttention a:
                    attention = a.Attention;
                    break;
            }
        }

        var arch = new ArchSpec("npu", new SystolicSpec(npu.ArrayRows, npu.ArrayCols * npu.Arrays, Dataflow.Ws),
            new ScratchpadSpec(npu.ScratchpadBytes / 2048.0, npu.ScratchpadBytes / 2048.0, npu.AccumulatorBytes / 1024.0),
            new DramSpec(system.NpuDramBytesPerCycle, 0), npu.ClockGhz, npu.ElementBytes)
        {
            Vector = new VectorUnitSpec(npu.VectorUnits * npu.VectorLanes, npu.Latencies.Add, npu.Latencies.Add, npu.Latencies.Mul, npu.Latencies.Exp),
        };
        var result = AttentionModel.Evaluate(attention!, arch, lowering);
        return new NpuPrefillResult(gemm, vector, result, bytes + result.DramBytes);
    }

    private sealed record Context(NpuPimSystem System, LlmModelSpec Model, DecodeBatch Batch, KvCacheFeasibility Kv);

    /// <summary>NPU-only and blocked: QKV, then the MHA steps, then projection + FFN, one resource busy at a time.</summary>
    private static NpuPimLayerResult Sequential(Context ctx, NpuPimMode mode, NpuPrograms.Program qkv, NpuPrograms.Program projFfn,
        NpuPimStage[] mhaStages, (NpuPimResource Resource, string Label, long Cycles)[] mhaSegments, long mhaCycles, long mhaNpuBytes,
        long pimBusy, long pimBusBytes, ChannelAssignment? assignment)
    {
        var stages = new List<NpuPimStage> { new("qkv", qkv.Cycles, 0) };
        stages.AddRange(mhaStages);
        stages.Add(new("proj_ffn", projFfn.Cycles, 0));
        var timeline = new List<TimelineSegment>();
        long t = 0;
        foreach (var (resource, label, cycles) in ((NpuPimResource, string, long)[])
            [(NpuPimResource.Npu, "qkv", qkv.Cycles), .. mhaSegments, (NpuPimResource.Npu, "proj_ffn", projFfn.Cycles)])
        {
            if (cycles > 0)
                timeline.Add(new(resource, 0, label, t, t + cycles));
            t += cycles;
        }

        var layer = stages.Sum(s => s.Cycles);
        return new NpuPimLayerResult
        {
            Mode = mode,
            SubBatched = false,
            BatchSize = ctx.Batch.Size,
            LayersPerDevice = ctx.Model.LayersPerStage,
            Devices = ctx.Model.TensorParallel * ctx.Model.PipelineStages,
            LayerCycles = layer,
            ModelCycles = checked(layer * ctx.Model.LayersPerStage),
            QkvCycles = qkv.Cycles,
            MhaCycles = mhaCycles,
            ProjFfnCycles = projFfn.Cycles,
            Stages = stages,
            NpuBusyCycles = stages.Sum(s => s.NpuCycles),
            PimBusyCycles = pimBusy,
            NpuBusBytes = qkv.DramBytes + projFfn.DramBytes + mhaNpuBytes,
            PimBusBytes = pimBusBytes,
            ClockGhz = ctx.System.Npu.ClockGhz,
            KvCache = ctx.Kv,
            Channels = assignment,
            Timeline = timeline,
        };
    }

    /// <summary>
    /// NeuPIMs: sub-batches 1 and 2 through stages A–F (NPU | PIM): A QKV1 | –; B QKV2 | MHA1; C PF1 + QKV1' | MHA2;
    /// D PF2 + QKV2' | MHA1'; E PF1 | MHA2; F PF2 | – (primes: the next layer). Over n layers: A + B + (n−1)(C + D) + E + F;
    /// the steady-state layer is C + D. Bus contention: in a stage where both run, the NPU waits for the bus time of the
    /// PIM's GWRITE + READRES bytes at the NPU's bandwidth (an upper bound: exact when the NPU program is memory-bound).
    /// </summary>
    private static NpuPimLayerResult Interleaved(Context ctx, NpuPimOptions options, NpuPrograms.Program qkvWhole,
        NpuPrograms.Program projFfnWhole, NpuPrograms.PimMha wholeMha, long[] requestCycles, long[] requestBusBytes, ChannelAssignment assignment)
    {
        var (s1, s2) = SubBatchPartition.Split(assignment);
        var (system, model, batch) = (ctx.System, ctx.Model, ctx.Batch);
        var qkv1 = NpuPrograms.Dense(system, model, s1.Count, LlmLayerPart.Qkv);
        var qkv2 = NpuPrograms.Dense(system, model, s2.Count, LlmLayerPart.Qkv);
        var pf1 = NpuPrograms.Dense(system, model, s1.Count, LlmLayerPart.ProjFfn);
        var pf2 = NpuPrograms.Dense(system, model, s2.Count, LlmLayerPart.ProjFfn);
        var mha1 = NpuPrograms.Mha(system, model, batch, s1, requestCycles, requestBusBytes, assignment);
        var mha2 = NpuPrograms.Mha(system, model, batch, s2, requestCycles, requestBusBytes, assignment);

        long Wait(long npu, NpuPrograms.PimMha pim) =>
            options.BusContention && npu > 0 && pim.Cycles > 0 ? NpuGemmCost.MemoryCyclesOf(pim.BusBytes, system.NpuDramBytesPerCycle) : 0;

        var c1Npu = pf1.Cycles + qkv1.Cycles;
        var d2Npu = pf2.Cycles + qkv2.Cycles;
        var waitB = Wait(qkv2.Cycles, mha1);
        var waitC = Wait(c1Npu, mha2);
        var waitD = Wait(d2Npu, mha1);
        var waitE = Wait(pf1.Cycles, mha2);
        NpuPimStage[] stages =
        [
            new("A", qkv1.Cycles, 0),
            new("B", qkv2.Cycles + waitB, mha1.Cycles),
            new("C", c1Npu + waitC, mha2.Cycles),
            new("D", d2Npu + waitD, mha1.Cycles),
            new("E", pf1.Cycles + waitE, mha2.Cycles),
            new("F", pf2.Cycles, 0),
        ];
        long c = stages[2].Cycles, d = stages[3].Cycles;
        var fillDrain = stages[0].Cycles + stages[1].Cycles + stages[4].Cycles + stages[5].Cycles;
        var layers = model.LayersPerStage;

        var timeline = new List<TimelineSegment>();
        void Npu(int sub, string label, long start, long cycles)
        {
            if (cycles > 0)
                timeline.Add(new(NpuPimResource.Npu, sub, label, start, start + cycles));
        }

        void Pim(int sub, long start, long cycles)
        {
            if (cycles > 0)
                timeline.Add(new(NpuPimResource.Pim, sub, "mha (pim + softmax)", start, start + cycles));
        }

        Npu(1, "proj_ffn", 0, pf1.Cycles);
        Npu(1, "qkv (next layer)", pf1.Cycles, qkv1.Cycles);
        Npu(1, "bus wait (pim traffic)", c1Npu, waitC);
        Pim(2, 0, mha2.Cycles);
        Npu(2, "proj_ffn", c, pf2.Cycles);
        Npu(2, "qkv (next layer)", c + pf2.Cycles, qkv2.Cycles);
        Npu(2, "bus wait (pim traffic)", c + d2Npu, waitD);
        Pim(1, c, mha1.Cycles);
        timeline.Sort((x, y) => x.StartCycle != y.StartCycle ? x.StartCycle.CompareTo(y.StartCycle) : x.Resource.CompareTo(y.Resource));

        return new NpuPimLayerResult
        {
            Mode = NpuPimMode.NeuPims,
            SubBatched = true,
            BatchSize = batch.Size,
            LayersPerDevice = layers,
            Devices = model.TensorParallel * model.PipelineStages,
            LayerCycles = c + d,
            ModelCycles = checked(fillDrain + (layers - 1) * (c + d)),
            QkvCycles = qkvWhole.Cycles,
            MhaCycles = wholeMha.Cycles,
            ProjFfnCycles = projFfnWhole.Cycles,
            Stages = stages,
            // Busy = doing work: the arrays' programs without their bus waits, the PIM's GEMVs without the NPU softmax
            // between them (as in the blocked and NPU-only results, so utilisations compare across modes).
            NpuBusyCycles = c1Npu + d2Npu,
            PimBusyCycles = mha1.PimCycles + mha2.PimCycles,
            NpuBusBytes = qkv1.DramBytes + qkv2.DramBytes + pf1.DramBytes + pf2.DramBytes,
            PimBusBytes = mha1.BusBytes + mha2.BusBytes,
            ClockGhz = system.Npu.ClockGhz,
            KvCache = ctx.Kv,
            Channels = assignment,
            Timeline = timeline,
        };
    }
}
