namespace Sim.Explorer.Import.Onnx;

/// <summary>
/// The main graph as read: nodes in file order (ONNX requires a topological order), initializers, declared inputs
/// (including, in older models, entries that name initializers), outputs and value_info.
/// </summary>
public sealed record OnnxGraph(
    string Name,
    IReadOnlyList<OnnxNode> Nodes,
    IReadOnlyList<OnnxTensor> Initializers,
    IReadOnlyList<OnnxValueInfo> Inputs,
    IReadOnlyList<OnnxValueInfo> Outputs,
    IReadOnlyList<OnnxValueInfo> ValueInfo)
{
    /// <summary>Graph inputs that are not initializers: what the user feeds.</summary>
    public IEnumerable<OnnxValueInfo> RuntimeInputs
    {
        get
        {
            var initializers = Initializers.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
            return Inputs.Where(i => !initializers.Contains(i.Name));
        }
    }
}
