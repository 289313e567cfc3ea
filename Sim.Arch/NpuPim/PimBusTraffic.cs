using Sim.Core.Hardware;
using Sim.Core.Workloads.Llm;

namespace Sim.Arch.NpuPim;

/// <summary>
/// Bytes one request's PIM MHA moves over its channel's data bus — the part of PIM that competes with NPU reads and
/// writes even with dual row buffers (§A.1.3, §A.6 eq. 8). GWRITE copies whole DRAM rows into the global buffer: the query
/// (⌈E_eff/P⌉ rows) and, per head, the logits (⌈L/P⌉ rows); READRES returns results: heads·L scores and, per head and
/// 512-token chunk, d_k partial outputs, at the element width. P = elements per row. The in-bank COMP traffic never
/// leaves the banks.
/// </summary>
public static class PimBusTraffic
{
    public static long GwriteBytes(LlmModelSpec model, DramTimingSpec dram, int kvTokens)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(dram);
        long page = dram.RowBytes / model.ElementBytes;
        var rows = PipelinedWsTiming.CeilDiv(model.QueryWidthPerDevice, page) + model.HeadsPerDevice * PipelinedWsTiming.CeilDiv(kvTokens, page);
        return checked(rows * dram.RowBytes);
    }

    public static long ReadResultBytes(LlmModelSpec model, DramTimingSpec dram, int kvTokens)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(dram);
        long page = dram.RowBytes / model.ElementBytes;
        var results = (long)model.HeadsPerDevice * kvTokens + (long)model.HeadsPerDevice * model.HeadDim * PipelinedWsTiming.CeilDiv(kvTokens, page);
        return checked(results * model.ElementBytes);
    }

    public static long RequestBytes(LlmModelSpec model, DramTimingSpec dram, int kvTokens) =>
        GwriteBytes(model, dram, kvTokens) + ReadResultBytes(model, dram, kvTokens);
}
