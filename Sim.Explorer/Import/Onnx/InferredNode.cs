namespace Sim.Explorer.Import.Onnx;

/// <summary>
/// A node after shape inference. <see cref="IsFolded"/>: every output has a known constant value (a Constant node, or a
/// shape/constant subgraph computed at import), so nothing runs at inference time. <see cref="UnknownReason"/>: null when
/// every output's shape is known, else why not (an op without a shape rule, an unknown input upstream, a shape that depends
/// on run-time values).
/// </summary>
public sealed record InferredNode(
    int Index,
    string Name,
    string OpType,
    string Domain,
    IReadOnlyList<string> Inputs,
    IReadOnlyList<string> Outputs,
    OnnxAttributes Attributes,
    bool IsFolded,
    string? UnknownReason)
{
    public string Label => $"node '{Name}' ({OpType})";
}
