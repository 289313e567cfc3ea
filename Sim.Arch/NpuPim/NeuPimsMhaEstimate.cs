using Sim.Core.Hardware;
using Sim.Core.Workloads.Llm;

namespace Sim.Arch.NpuPim;

/// <summary>
/// NeuPIMs' MHA latency estimate, Scheduler::estimate_mha_latency (../shared/research/pim-sparse-attn.md §A.1.3), the
/// number its scheduler balances channels by. With E_eff = heads·d_k elements of the device's query and P = row bytes /
/// element bytes elements per DRAM page:
/// q·Kᵀ: ⌈E_eff/P⌉ chunks (a query chunk GWRITTEN once each), ⌈L/banks⌉ GEMV tiles per chunk (bank t mod banks holds token t);
/// S·V: ⌈L/P⌉·heads chunks of logits, ⌈d_k/banks⌉ tiles each (each bank accumulates one output element).
/// cycles = Σ chunks·t_gwrite + chunks·tiles·t_gemv with NeuPIMs' constants t_gwrite = 100, t_gemv = 184.
/// </summary>
public sealed record NeuPimsMhaEstimate(int Heads, int HeadDim, int BanksPerChannel, int PageElements, long GwriteCycles, long GemvCycles)
    : IPimMhaCost
{
    public const long NeuPimsGwriteCycles = 100;

    public const long NeuPimsGemvCycles = 184;

    /// <summary>The estimate for one device of <paramref name="model"/> on <paramref name="dram"/>, with NeuPIMs' constants.</summary>
    public static NeuPimsMhaEstimate For(LlmModelSpec model, DramTimingSpec dram)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(dram);
        return new(model.HeadsPerDevice, model.HeadDim, dram.BanksPerChannel, dram.RowBytes / model.ElementBytes, NeuPimsGwriteCycles, NeuPimsGemvCycles);
    }

    public long QkCycles(int kvTokens)
    {
        var chunks = PipelinedWsTiming.CeilDiv((long)Heads * HeadDim, PageElements);
        var tiles = PipelinedWsTiming.CeilDiv(kvTokens, BanksPerChannel);
        return checked(chunks * GwriteCycles + chunks * tiles * GemvCycles);
    }

    public long SvCycles(int kvTokens)
    {
        var chunks = PipelinedWsTiming.CeilDiv(kvTokens, PageElements) * Heads;
        var tiles = PipelinedWsTiming.CeilDiv(HeadDim, BanksPerChannel);
        return checked(chunks * GwriteCycles + chunks * tiles * GemvCycles);
    }

    public long RequestCycles(int kvTokens) => QkCycles(kvTokens) + SvCycles(kvTokens);
}
