using Sim.Core.Workloads;

namespace Sim.Explorer.Import.Onnx.Lowering;

/// <summary>
/// An imported ONNX model: the <see cref="Workload"/> (ops in the model's order, names from its nodes), one
/// <see cref="ImportedNode"/> per ONNX node, the warnings to show (opaque ops, approximations) and the input shapes used.
/// </summary>
public sealed record OnnxImport(string File, Workload Workload, IReadOnlyList<ImportedNode> Nodes, IReadOnlyList<string> Warnings,
    IReadOnlyDictionary<string, IReadOnlyList<long>> InputShapes, long Opset)
{
    public int Count(NodeOutcome outcome) => Nodes.Count(n => n.Outcome == outcome);

    /// <summary>"62 nodes: 40 lowered, 3 fused, 6 views, 10 folded, 3 opaque" (outcomes with no node omitted).</summary>
    public string Summary => $"{Nodes.Count} nodes: " + string.Join(", ", Enum.GetValues<NodeOutcome>()
        .Where(o => Count(o) > 0)
        .Select(o => $"{Count(o)} {Word(o)}"));

    private static string Word(NodeOutcome outcome) => outcome switch
    {
        NodeOutcome.Lowered => "lowered",
        NodeOutcome.Fused => "fused",
        NodeOutcome.View => "views",
        NodeOutcome.Folded => "folded",
        NodeOutcome.WeightPreparation => "weight preparation",
        NodeOutcome.Opaque => "opaque",
        _ => outcome.ToString(),
    };
}
