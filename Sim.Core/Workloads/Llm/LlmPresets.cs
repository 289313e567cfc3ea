namespace Sim.Core.Workloads.Llm;

/// <summary>
/// Decoder models with their sources. The GPT-3 shapes (heads, E, tp, pp, d_k = 128) are NeuPIMs'
/// configs/model_configs/gpt3-*.json (../shared/research/pim-sparse-attn.md §A.1.4); those files simulate one block
/// (model_n_layer 1), so the layer counts come from the GPT-3 paper (Brown et al. 2020, Table 2.1: 6.7B 32 layers,
/// 13B 40, 175B 96; its 13B has E = 5140, NeuPIMs uses 5120) and, for the 30B shape (E 7168, 56 heads, not in the GPT-3
/// paper), from OPT-30B (Zhang et al. 2022, Table 1: 48 layers). FFN = 4E (GELU, two matrices) throughout.
/// </summary>
public static class LlmPresets
{
    public static LlmModelSpec Gpt3Of7B { get; } = Gpt3("gpt3-7b", layers: 32, dModel: 4096, heads: 32, tp: 4, pp: 1);

    public static LlmModelSpec Gpt3Of13B { get; } = Gpt3("gpt3-13b", layers: 40, dModel: 5120, heads: 40, tp: 4, pp: 1);

    public static LlmModelSpec Gpt3Of30B { get; } = Gpt3("gpt3-30b", layers: 48, dModel: 7168, heads: 56, tp: 4, pp: 2);

    public static LlmModelSpec Gpt3Of175B { get; } = Gpt3("gpt3-175b", layers: 96, dModel: 12288, heads: 96, tp: 8, pp: 4);

    /// <summary>
    /// LLaMA-7B (Touvron et al. 2023, Table 2 and the released params.json): 32 layers, E 4096, 32 heads of 128, MHA,
    /// SwiGLU with F = 11008. Deployed on one device (tp 1, pp 1) by default.
    /// </summary>
    public static LlmModelSpec Llama7B { get; } =
        new("llama-7b", Layers: 32, DModel: 4096, Heads: 32, KvHeads: 32, HeadDim: 128, FfnDim: 11008, FfnKind.SwiGlu3Matrix,
            TensorParallel: 1, PipelineStages: 1, ElementBytes: 2);

    public static IReadOnlyList<LlmModelSpec> All { get; } = [Gpt3Of7B, Gpt3Of13B, Gpt3Of30B, Gpt3Of175B, Llama7B];

    public static LlmModelSpec? Find(string name) => All.FirstOrDefault(p => p.Name == name);

    private static LlmModelSpec Gpt3(string name, int layers, int dModel, int heads, int tp, int pp) =>
        new(name, layers, dModel, heads, KvHeads: heads, HeadDim: dModel / heads, FfnDim: 4 * dModel, FfnKind.Gelu2Matrix, tp, pp, ElementBytes: 2);
}
