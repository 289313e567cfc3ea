namespace Sim.Arch.NpuPim;

/// <summary>
/// The PIM cost of one request's decode MHA on its channel: q·Kᵀ and S·V over the device's heads for a request with
/// <c>kvTokens</c> cached tokens — memory-clock cycles of that channel, the bytes its GWRITEs and READRESes move over
/// the channel's data bus (what competes with NPU traffic), and the bytes its PUs read inside the banks (energy). The logits' softmax runs on the NPU and is not included.
/// Implementations: <see cref="PimModelMhaCost"/> (our bank-level PIM model, Sim.Arch/Pim) and
/// <see cref="NeuPimsMhaEstimate"/> (NeuPIMs' own scheduling constants).
/// </summary>
public interface IPimMhaCost
{
    long RequestCycles(int kvTokens);

    long RequestBusBytes(int kvTokens);

    long RequestBankBytes(int kvTokens);
}
