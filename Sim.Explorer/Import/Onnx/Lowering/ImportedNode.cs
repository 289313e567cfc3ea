namespace Sim.Explorer.Import.Onnx.Lowering;

/// <summary>What became of one ONNX node in the workload (every node gets exactly one entry).</summary>
public enum NodeOutcome
{
    /// <summary>Lowered to its own workload op (<see cref="ImportedNode.OpName"/>).</summary>
    Lowered,

    /// <summary>Part of a recognised pattern lowered as one op (MatMul→Softmax→MatMul into attention).</summary>
    Fused,

    /// <summary>A view (Reshape, Flatten, Squeeze, Unsqueeze, Identity, Dropout): no data moves; consumers read its input.</summary>
    View,

    /// <summary>Computed at import (Constant, shape arithmetic): nothing runs at inference time.</summary>
    Folded,

    /// <summary>Reads only weights/constants (weight preprocessing too large to fold): done once offline, not per inference.</summary>
    WeightPreparation,

    /// <summary>No model: kept as an <see cref="Sim.Core.Workloads.OpaqueOp"/> (costed at zero) and warned about.</summary>
    Opaque,
}

/// <summary>
/// One ONNX node's entry in the import report: its outcome, the workload op it became (or is part of), the op kind and
/// function, its output shape and the MACs it contributes (0 for non-GEMM work; a fused pattern's MACs sit on its
/// last node).
/// </summary>
public sealed record ImportedNode(int Index, string Node, string OpType, NodeOutcome Outcome, string? OpName, string LoweredAs,
    IReadOnlyList<long>? OutputShape, long Macs, string? Note);
