using Sim.Core.Config;

namespace Sim.Core.Workloads.Llm;

/// <summary>
/// A decoder-only transformer as it is deployed: <see cref="TensorParallel"/> devices share every layer (each holds
/// 1/tp of the heads and of the FFN columns, Megatron-style) and <see cref="PipelineStages"/> groups of devices hold
/// consecutive layers. Counts are per decoder layer unless named otherwise; embeddings, biases and LayerNorm gains are
/// not counted (they are &lt;2% of the weights of every preset). Presets: <see cref="LlmPresets"/>.
/// </summary>
/// <param name="Name">Preset or user name.</param>
/// <param name="Layers">Decoder layers of the whole model.</param>
/// <param name="DModel">Hidden size E.</param>
/// <param name="Heads">Query heads.</param>
/// <param name="KvHeads">Key/value heads (= Heads for MHA; fewer for GQA).</param>
/// <param name="HeadDim">Per-head dimension d_k.</param>
/// <param name="FfnDim">FFN inner size F (GPT: 4E).</param>
/// <param name="Ffn">Two-matrix GELU or three-matrix SwiGLU.</param>
/// <param name="TensorParallel">Devices one layer is split over (tp).</param>
/// <param name="PipelineStages">Pipeline stages (pp); each holds Layers / pp layers.</param>
/// <param name="ElementBytes">Bytes per weight, activation and KV element (2 = FP16).</param>
public sealed record LlmModelSpec(
    string Name,
    int Layers,
    int DModel,
    int Heads,
    int KvHeads,
    int HeadDim,
    int FfnDim,
    FfnKind Ffn,
    int TensorParallel,
    int PipelineStages,
    int ElementBytes)
{
    /// <summary>Query heads one device computes.</summary>
    public int HeadsPerDevice => Heads / TensorParallel;

    public int KvHeadsPerDevice => KvHeads / TensorParallel;

    /// <summary>E_eff: the width of one device's queries (heads per device × d_k), NeuPIMs' "E / tp".</summary>
    public int QueryWidthPerDevice => HeadsPerDevice * HeadDim;

    public int KvWidthPerDevice => KvHeadsPerDevice * HeadDim;

    /// <summary>Output columns of one device's fused QKV projection: (H + 2·H_kv)·d_k / tp (3E/tp for MHA).</summary>
    public int QkvColumnsPerDevice => QueryWidthPerDevice + 2 * KvWidthPerDevice;

    public int FfnColumnsPerDevice => FfnDim / TensorParallel;

    public int LayersPerStage => Layers / PipelineStages;

    public int FfnMatrices => Ffn == FfnKind.SwiGlu3Matrix ? 3 : 2;

    /// <summary>
    /// Weights of one layer: QKV E·(H + 2·H_kv)·d_k, output projection H·d_k·E, FFN (2 or 3)·E·F.
    /// GPT (MHA, F = 4E, d_k·H = E): 4E² + 8E² = 12E², the usual 12·L·E² parameter count.
    /// </summary>
    public long WeightParamsPerLayer =>
        checked((long)DModel * (Heads + 2L * KvHeads) * HeadDim + (long)Heads * HeadDim * DModel + (long)FfnMatrices * DModel * FfnDim);

    public long WeightParams => checked(WeightParamsPerLayer * Layers);

    /// <summary>One device's share of one layer's weights, in bytes.</summary>
    public long WeightBytesPerLayerPerDevice => checked(WeightParamsPerLayer * ElementBytes / TensorParallel);

    /// <summary>Null when valid, otherwise "field: problem. Fix: ...".</summary>
    public string? Problem()
    {
        (string Field, int Value)[] positives =
        [
            ("layers", Layers), ("d_model", DModel), ("heads", Heads), ("kv_heads", KvHeads), ("head_dim", HeadDim), ("ffn_dim", FfnDim),
            ("tp", TensorParallel), ("pp", PipelineStages), ("element_bytes", ElementBytes),
        ];
        foreach (var (field, value) in positives)
        {
            if (value < 1)
                return $"{field}: {value} must be at least 1. Fix: give a positive integer";
        }

        if (Heads % KvHeads != 0)
            return $"kv_heads: {KvHeads} does not divide heads {Heads}. Fix: use a divisor of {Heads}";
        if (KvHeads % TensorParallel != 0)
            return $"tp: {TensorParallel} does not divide kv_heads {KvHeads}, so devices would hold fractional heads. Fix: use a divisor of {KvHeads}";
        if (FfnDim % TensorParallel != 0)
            return $"tp: {TensorParallel} does not divide ffn_dim {FfnDim}. Fix: use a divisor of {FfnDim}";
        if (Layers % PipelineStages != 0)
            return $"pp: {PipelineStages} does not divide layers {Layers}. Fix: use a divisor of {Layers}";
        return null;
    }

    /// <summary>This spec, or a <see cref="SimInputException"/> prefixed with <paramref name="where"/>.</summary>
    public LlmModelSpec Validated(string where) =>
        Problem() is { } problem ? throw new SimInputException($"{where}: {problem}") : this;
}
