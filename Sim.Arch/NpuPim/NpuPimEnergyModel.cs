using Sim.Core.Workloads.Llm;

namespace Sim.Arch.NpuPim;

/// <summary>
/// Prices a decode layer's actions (<see cref="NpuPimEnergy"/>): the dense GEMMs' MACs on the NPU in every mode; decode
/// attention's MACs on the NPU in NPU-only mode (its KV bytes are in the NPU's bus bytes) or, with PIM, one ALU op per
/// MAC and the bytes the PUs read inside the banks (the PIM cost's, padding included); the NPU's and PIM's bus bytes at
/// the host-interface rate — for PIM's GWRITE and READRES an approximation: a GWRITE of the query never leaves the stack
/// (≈ 22 pJ/B without TSV and interposer), while the logits the NPU writes for it cross the interface once more. Sub-batching shows up through the extra weight reads in
/// the NPU's bus bytes. Vector-unit and SRAM energy are not counted (small beside these; see docs/npupim.md).
/// </summary>
public static class NpuPimEnergyModel
{
    public static NpuPimEnergy Of(NpuPimLayerResult result, LlmModelSpec model, DecodeBatch batch, long pimBankBytes, NpuPimEnergyCosts costs)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(costs);
        var denseMacs = LlmLayerOps.Dense(model, batch.Size).OfType<LlmGemm>().Sum(g => g.Shape.Macs);
        var attention = LlmLayerOps.Decode(model, batch).OfType<LlmDecodeAttention>().ToList();
        var attentionMacs = attention.Sum(a => a.QkMacs + a.PvMacs);
        var onNpu = result.Mode == NpuPimMode.NpuOnly;
        return new NpuPimEnergy(
            NpuMacPj: (denseMacs + (onNpu ? attentionMacs : 0)) * costs.NpuPjPerMac,
            NpuDramPj: result.NpuBusBytes * costs.HostPjPerByte,
            PimBankPj: onNpu ? 0 : pimBankBytes * costs.BankPjPerByte,
            PimAluPj: onNpu ? 0 : attentionMacs * costs.PimAluPjPerMac,
            PimBusPj: result.PimBusBytes * costs.HostPjPerByte);
    }
}
