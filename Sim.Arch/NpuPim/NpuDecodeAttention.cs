using Sim.Core.Workloads.Llm;

namespace Sim.Arch.NpuPim;

/// <summary>
/// Decode attention of one request on the NPU alone (§A.6 eq. 8, NPU-only). The request's K and V (2·H_kv·L·d_k·b
/// bytes) stream from DRAM once — no reuse across requests — while the arrays run the two GEMV sets as weight tiles:
/// q·Kᵀ per KV head takes Kᵀ (d_k × L) as weights and streams the G query heads sharing it (G = H / H_kv), p·V takes
/// V (L × d_k). Time = max(array cycles, KV bytes / bandwidth) + the logits' softmax on the vector units (it sits
/// between the two GEMVs). Query and output vectors (a few KB) are not counted against the bandwidth.
/// </summary>
public static class NpuDecodeAttention
{
    public readonly record struct Cost(long ComputeCycles, long DramBytes, long MemoryCycles, long SoftmaxCycles)
    {
        public long Cycles => Math.Max(ComputeCycles, MemoryCycles) + SoftmaxCycles;
    }

    public static Cost Of(LlmDecodeAttention attention, NpuSpec npu, double dramBytesPerCycle)
    {
        ArgumentNullException.ThrowIfNull(attention);
        ArgumentNullException.ThrowIfNull(npu);
        int h = npu.ArrayRows, w = npu.ArrayCols, d = attention.HeadDim;
        long l = attention.KvTokens, group = attention.Heads / attention.KvHeads;
        // Per KV head: Kᵀ tiles ⌈d/H⌉·⌈L/W⌉ (widths from L), V tiles ⌈L/H⌉·⌈d/W⌉ (widths from d).
        var kTilesPerHead = PipelinedWsTiming.CeilDiv(d, h) * PipelinedWsTiming.CeilDiv(l, w);
        var kFolds = PipelinedWsTiming.CeilDiv(d, h);
        var qk = PipelinedWsTiming.Cycles(group, attention.KvHeads * kTilesPerHead,
            t => (int)Math.Min(w, l - t % kTilesPerHead / kFolds * w), npu.Arrays, h);
        var vTilesPerHead = PipelinedWsTiming.CeilDiv(l, h) * PipelinedWsTiming.CeilDiv(d, w);
        var vFolds = PipelinedWsTiming.CeilDiv(l, h);
        var pv = PipelinedWsTiming.Cycles(group, attention.KvHeads * vTilesPerHead,
            t => (int)Math.Min(w, d - t % vTilesPerHead / vFolds * w), npu.Arrays, h);
        var softmax = NpuVectorCycles.OpCycles(attention.Softmax, npu);
        return new(qk + pv, attention.KvBytes, NpuGemmCost.MemoryCyclesOf(attention.KvBytes, dramBytesPerCycle), softmax);
    }
}
