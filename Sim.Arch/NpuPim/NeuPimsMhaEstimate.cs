using Sim.Arch.Pim;
using Sim.Core.Hardware;
using Sim.Core.Workloads.Llm;

namespace Sim.Arch.NpuPim;

/// <summary>
/// NeuPIMs' MHA latency estimate, Scheduler::estimate_mha_latency (../shared/research/pim-sparse-attn.md §A.1.3), the
/// number its scheduler balances channels by: fixed 100-cycle GWRITEs and 184-cycle GEMV tiles
/// (<see cref="PimDecodeAttention.NeuPimsEstimate"/> holds the formula). Bus bytes as NeuPIMs moves them: whole rows per
/// GWRITE, FP16 results per READRES (<see cref="PimBusTraffic"/>).
/// </summary>
public sealed record NeuPimsMhaEstimate(LlmModelSpec Model, PimSpec Pim, DramTimingSpec Dram) : IPimMhaCost
{
    /// <summary>The estimate for one device of <paramref name="model"/> on <paramref name="system"/>'s PIM.</summary>
    public static NeuPimsMhaEstimate For(LlmModelSpec model, NpuPimSystem system)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(system);
        return new(model, system.Pim, system.Dram);
    }

    public long QkCycles(int kvTokens) => Estimate(kvTokens).Qk;

    public long SvCycles(int kvTokens) => Estimate(kvTokens).Sv;

    public long RequestCycles(int kvTokens)
    {
        var (qk, sv) = Estimate(kvTokens);
        return qk + sv;
    }

    public long RequestBusBytes(int kvTokens) => PimBusTraffic.RequestBytes(Model, Dram, kvTokens);

    /// <summary>Every K and V byte once (the estimate has no layout, so no padding): 2·heads·L·d_k·b.</summary>
    public long RequestBankBytes(int kvTokens) => 2L * Model.HeadsPerDevice * kvTokens * Model.HeadDim * Model.ElementBytes;

    private (long Qk, long Sv) Estimate(int kvTokens) =>
        PimDecodeAttention.NeuPimsEstimate(Dram, Pim, kvTokens, Model.HeadsPerDevice, Model.HeadDim);
}
