namespace Sim.Arch.NpuPim;

/// <summary>How a decoder layer's MHA is run (../shared/research/pim-sparse-attn.md §A.6 eq. 8).</summary>
public enum NpuPimMode
{
    /// <summary>Everything on the NPU; decode attention streams the KV cache (NeuPIMs' npu-only branch).</summary>
    NpuOnly,

    /// <summary>MHA on single-row-buffer PIM; NPU and PIM take turns (NeuPIMs' npu+pim branch, Newton-like).</summary>
    Blocked,

    /// <summary>Dual row buffers and two interleaved sub-batches (NeuPIMs main).</summary>
    NeuPims,
}

/// <summary>When <see cref="NpuPimMode.NeuPims"/> splits the batch into two interleaved sub-batches.</summary>
public enum SubBatching
{
    /// <summary>Always interleave.</summary>
    Always,

    /// <summary>
    /// Interleave only when it gives fewer cycles for the device's layers than running the whole batch blocked
    /// (NeuPIMs' stated intent; its code switches it on at B ≥ 256).
    /// </summary>
    WhenItHelps,
}

/// <param name="SubBatching">NeuPIMs mode: always interleave, or only when it helps.</param>
/// <param name="BusContention">Stretch the NPU by the bus time PIM's GWRITE and READRES take in overlapped stages.</param>
/// <param name="Channels">How requests are placed on PIM channels.</param>
public sealed record NpuPimOptions(SubBatching SubBatching = SubBatching.WhenItHelps, bool BusContention = true, ChannelPolicy Channels = ChannelPolicy.Greedy)
{
    /// <summary>Energy per action (default: AttAcc's table).</summary>
    public NpuPimEnergyCosts EnergyCosts { get; init; } = NpuPimEnergyCosts.AttAcc;

    public static NpuPimOptions Default { get; } = new();
}
