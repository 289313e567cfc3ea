namespace Sim.Explorer.Import.Onnx;

/// <summary>
/// A node as read. <see cref="Name"/> is node.name, or "&lt;op_type&gt;_&lt;index&gt;" when empty, made unique by appending
/// "_&lt;index&gt;" on a clash. <see cref="Domain"/> is "" for the default operator set ("ai.onnx" is normalised to "").
/// An input "" is an omitted optional input (ONNX convention).
/// </summary>
public sealed record OnnxNode(int Index, string Name, string OpType, string Domain, IReadOnlyList<string> Inputs, IReadOnlyList<string> Outputs, OnnxAttributes Attributes)
{
    /// <summary>"name (OpType)", the way errors name a node.</summary>
    public string Label => $"node '{Name}' ({OpType})";
}
