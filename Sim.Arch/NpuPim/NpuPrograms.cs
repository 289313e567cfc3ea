using Sim.Core.Workloads.Llm;

namespace Sim.Arch.NpuPim;

/// <summary>NPU time of the dense programs (QKV, projection + FFN) and of MHA on PIM for a set of requests.</summary>
public static class NpuPrograms
{
    /// <summary>One program's time and DRAM traffic; its ops run one after another (each needs the previous one's output).</summary>
    public readonly record struct Program(long Cycles, long DramBytes);

    /// <summary>The <paramref name="part"/> ops of a layer with <paramref name="tokens"/> tokens (0 tokens: nothing to run).</summary>
    public static Program Dense(NpuPimSystem system, LlmModelSpec model, long tokens, LlmLayerPart part)
    {
        ArgumentNullException.ThrowIfNull(system);
        if (tokens == 0)
            return new(0, 0);
        long cycles = 0, bytes = 0;
        foreach (var op in LlmLayerOps.Dense(model, tokens).Where(o => o.Part == part))
        {
            switch (op)
            {
                case LlmGemm g:
                    var cost = NpuGemmCost.Of(g.Shape, system.Npu, system.NpuDramBytesPerCycle);
                    cycles += cost.Cycles;
                    bytes += cost.DramBytes;
                    break;
                case LlmVectorOp v:
                    cycles += NpuVectorCycles.OpCycles(v, system.Npu);
                    break;
                default:
                    throw new InvalidOperationException($"unexpected dense op {op.Name}");
            }
        }

        return new(cycles, bytes);
    }

    /// <summary>MHA of some requests on PIM: its channel sums and the NPU softmax of their logits.</summary>
    public readonly record struct PimMha(long PimCycles, long SoftmaxCycles, long BusBytes)
    {
        public long Cycles => PimCycles + SoftmaxCycles;
    }

    /// <summary>
    /// The requests <paramref name="requests"/> of <paramref name="batch"/>: the busiest channel's sum of
    /// <paramref name="requestMemoryCycles"/> (converted to NPU cycles), then the heads' softmax rows of every request on
    /// the vector units, and the bytes GWRITE/READRES move on the bus (<paramref name="requestBusBytes"/>, from the same PIM cost).
    /// </summary>
    public static PimMha Mha(NpuPimSystem system, LlmModelSpec model, DecodeBatch batch, IReadOnlyList<int> requests,
        IReadOnlyList<long> requestMemoryCycles, IReadOnlyList<long> requestBusBytes, ChannelAssignment assignment)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(requestMemoryCycles);
        ArgumentNullException.ThrowIfNull(requestBusBytes);
        ArgumentNullException.ThrowIfNull(assignment);
        var load = new long[assignment.Channels];
        long bus = 0;
        var softmax = new List<long>();
        foreach (var i in requests)
        {
            var l = batch.KvLengths[i];
            load[assignment.ChannelOfRequest[i]] += requestMemoryCycles[i];
            bus += requestBusBytes[i];
            var row = NpuVectorCycles.InstructionCycles(LlmVectorKind.Softmax, l, system.Npu);
            softmax.AddRange(Enumerable.Repeat(row, model.HeadsPerDevice));
        }

        var pim = system.MemoryToNpuCycles(load.Length == 0 ? 0 : load.Max());
        return new(pim, NpuVectorCycles.ScheduleCycles(softmax, system.Npu.VectorUnits), bus);
    }
}
