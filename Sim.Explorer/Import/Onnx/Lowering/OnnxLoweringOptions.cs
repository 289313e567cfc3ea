using Sim.Core.Workloads;

namespace Sim.Explorer.Import.Onnx.Lowering;

/// <summary>How to lower: the workload's name (default: the file name), whether to fuse MatMul→Softmax→MatMul into
/// attention, and the attention lowering to record (a compiler's choice; fused by default, as in workload YAML), and
/// whether to fuse a layer norm written out op by op into one layer_norm op.</summary>
public sealed record OnnxLoweringOptions(string? Name = null, bool FuseAttention = true, AttentionLowering AttentionLowering = AttentionLowering.Fused)
{
    public bool FuseLayerNorm { get; init; } = true;
}
