namespace Sim.Explorer.Import.Onnx.Inference;

/// <summary>
/// Gives every known tensor its <see cref="TensorRole"/>: graph inputs; outputs of folded non-Constant nodes are Constant;
/// initializers and Constant-node outputs are Constant when their value is known and every reader either is folded or
/// reads them at a parameter position (<see cref="ParameterInputs"/>), else Weight; everything else is an Activation.
/// </summary>
internal static class TensorRoles
{
    public static Dictionary<string, TensorInfo> Assign(OnnxGraph graph, IReadOnlyList<InferredNode> nodes, Dictionary<string, KnownTensor> known, string[] runtimeInputs)
    {
        var readers = new Dictionary<string, List<(InferredNode Node, int Position)>>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            for (var i = 0; i < node.Inputs.Count; i++)
            {
                if (node.Inputs[i].Length == 0)
                    continue;
                if (!readers.TryGetValue(node.Inputs[i], out var list))
                    readers[node.Inputs[i]] = list = [];
                list.Add((node, i));
            }
        }
        var stored = graph.Initializers.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        var producers = new Dictionary<string, InferredNode>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            foreach (var output in node.Outputs.Where(o => o.Length > 0))
                producers[output] = node;
        }
        var inputs = runtimeInputs.ToHashSet(StringComparer.Ordinal);
        var tensors = new Dictionary<string, TensorInfo>(StringComparer.Ordinal);
        foreach (var (name, tensor) in known)
        {
            var producer = producers.GetValueOrDefault(name);
            TensorRole role;
            if (inputs.Contains(name))
                role = TensorRole.GraphInput;
            else if (stored.Contains(name) || producer?.OpType == "Constant")
                role = tensor.Value is not null && readers.GetValueOrDefault(name, []).All(r => r.Node.IsFolded || ParameterInputs.IsParameter(r.Node.OpType, r.Position))
                    ? TensorRole.Constant
                    : TensorRole.Weight;
            else if (producer is { IsFolded: true })
                role = TensorRole.Constant;
            else
                role = TensorRole.Activation;
            tensors[name] = new TensorInfo(name, tensor.Type, tensor.Shape, role, tensor.Value);
        }
        return tensors;
    }
}
