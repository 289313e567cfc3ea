using Sim.Core.Config;

namespace Sim.Explorer.Import.Onnx;

/// <summary>
/// A shape-inferred graph. <see cref="Tensors"/> holds every tensor whose shape is known (graph inputs, initializers,
/// Constant values, node outputs); a tensor downstream of an unknown shape is absent and its producer has an
/// <see cref="InferredNode.UnknownReason"/>. <see cref="Inputs"/> are the runtime graph inputs, <see cref="Outputs"/> the
/// graph outputs, in declaration order.
/// </summary>
public sealed record InferredGraph(
    OnnxModel Model,
    IReadOnlyList<InferredNode> Nodes,
    IReadOnlyDictionary<string, TensorInfo> Tensors,
    IReadOnlyList<string> Inputs,
    IReadOnlyList<string> Outputs)
{
    public bool TryGet(string name, out TensorInfo info)
    {
        if (Tensors.TryGetValue(name, out var found))
        {
            info = found;
            return true;
        }
        info = null!;
        return false;
    }

    /// <summary>The tensor named <paramref name="name"/>; a SimInputException when its shape is unknown or it does not exist.</summary>
    public TensorInfo Get(string name) => Tensors.TryGetValue(name, out var info)
        ? info
        : throw new SimInputException($"{Model.File}: tensor '{name}' has no inferred shape. Fix: check the node that produces it (see its UnknownReason)");

    /// <summary>Nodes whose output shapes are not all known.</summary>
    public IEnumerable<InferredNode> UnknownNodes => Nodes.Where(n => n.UnknownReason is not null);

    /// <summary>Nodes that run at inference time (not folded).</summary>
    public IEnumerable<InferredNode> ComputeNodes => Nodes.Where(n => !n.IsFolded);
}
