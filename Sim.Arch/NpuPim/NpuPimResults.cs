using Sim.Core.Workloads.Llm;

namespace Sim.Arch.NpuPim;

public enum NpuPimResource
{
    Npu,
    Pim,
}

/// <summary>
/// One busy interval of one resource, in NPU cycles from the start of the layer. <see cref="SubBatch"/> is 0 for the
/// whole batch, 1 or 2 for NeuPIMs' sub-batches.
/// </summary>
public sealed record TimelineSegment(NpuPimResource Resource, int SubBatch, string Label, long StartCycle, long EndCycle)
{
    public long Cycles => EndCycle - StartCycle;
}

/// <summary>A stage: its NPU and PIM programs run side by side, and it ends when both have (cycles = max).</summary>
public sealed record NpuPimStage(string Name, long NpuCycles, long PimCycles)
{
    public long Cycles => Math.Max(NpuCycles, PimCycles);
}

/// <summary>
/// One decoder layer of a decode step on one device. Cycles are NPU cycles. <see cref="LayerCycles"/> is the steady-state
/// time of one layer; <see cref="ModelCycles"/> the device's <see cref="LayersPerDevice"/> layers including NeuPIMs'
/// pipeline fill and drain (stages A, B, E, F). Throughput: each of the tp devices of a stage does its share of the same
/// B tokens, and with pp stages pipelined a batch leaves the last stage every ModelCycles, so a tp×pp model instance
/// makes B tokens per ModelCycles (pipeline bubbles and tp all-reduces not modelled).
/// </summary>
public sealed record NpuPimLayerResult
{
    public required NpuPimMode Mode { get; init; }

    /// <summary>NeuPIMs mode: whether the two sub-batches were interleaved (false: it ran as blocked).</summary>
    public required bool SubBatched { get; init; }

    public required int BatchSize { get; init; }

    public required int LayersPerDevice { get; init; }

    public required int Devices { get; init; }

    public required long LayerCycles { get; init; }

    public required long ModelCycles { get; init; }

    /// <summary>Whole-batch parts (NPU QKV program, MHA, NPU projection + FFN program): blocked and NPU-only are their sum.</summary>
    public required long QkvCycles { get; init; }

    public required long MhaCycles { get; init; }

    public required long ProjFfnCycles { get; init; }

    /// <summary>Stages of one layer: QKV/MHA/ProjFFN, or NeuPIMs' A–F (C + D is the steady-state layer).</summary>
    public required IReadOnlyList<NpuPimStage> Stages { get; init; }

    public required long NpuBusyCycles { get; init; }

    public required long PimBusyCycles { get; init; }

    public required long NpuBusBytes { get; init; }

    public required long PimBusBytes { get; init; }

    public required double ClockGhz { get; init; }

    public required KvCacheFeasibility KvCache { get; init; }

    /// <summary>Null for NPU-only.</summary>
    public ChannelAssignment? Channels { get; init; }

    /// <summary>The steady-state layer, segments within [0, LayerCycles].</summary>
    public required IReadOnlyList<TimelineSegment> Timeline { get; init; }

    /// <summary>Dynamic energy of the layer on one device (<see cref="NpuPimEnergyModel"/>).</summary>
    public NpuPimEnergy Energy { get; init; } = NpuPimEnergy.Zero;

    /// <summary>Energy per generated token of the model instance: the layer's energy × its layers × tp·pp devices / B.</summary>
    public double EnergyPerTokenPj => BatchSize == 0 ? 0 : Energy.TotalPj * LayersPerDevice * Devices / BatchSize;

    public double NpuUtilization => LayerCycles == 0 ? 0 : (double)NpuBusyCycles / LayerCycles;

    public double PimUtilization => LayerCycles == 0 ? 0 : (double)PimBusyCycles / LayerCycles;

    public long BusBytes => NpuBusBytes + PimBusBytes;

    /// <summary>Tokens per second of one model instance (tp × pp devices).</summary>
    public double TokensPerSecond => ModelCycles == 0 ? 0 : BatchSize / (ModelCycles / (ClockGhz * 1e9));

    public double TokensPerSecondPerDevice => TokensPerSecond / Devices;
}

/// <summary>One prefill layer on the NPU: GEMMs and vector ops by the NPU models, attention by Sim.Arch/Attention.</summary>
public sealed record NpuPrefillResult(long GemmCycles, long VectorCycles, Sim.Arch.Attention.AttentionResult Attention, long DramBytes)
{
    public long LayerCycles => GemmCycles + VectorCycles + Attention.TotalCycles;
}
