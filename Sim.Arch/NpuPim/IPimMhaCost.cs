namespace Sim.Arch.NpuPim;

/// <summary>
/// The PIM cost of one request's decode MHA on its channel: q·Kᵀ and S·V over the device's heads for a request with
/// <c>kvTokens</c> cached tokens, in memory-clock cycles of that channel (the logits' softmax runs on the NPU and is not
/// included). Implementations: <see cref="NeuPimsMhaEstimate"/> (NeuPIMs' own scheduling estimate); the bank-level PIM
/// model of Sim.Arch/Pim plugs in here.
/// </summary>
public interface IPimMhaCost
{
    long RequestCycles(int kvTokens);
}
