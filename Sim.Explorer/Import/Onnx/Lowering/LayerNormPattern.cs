using Sim.Core.Workloads;

namespace Sim.Explorer.Import.Onnx.Lowering;

/// <summary>
/// Layer normalisation written out op by op, as exporters without a LayerNormalization op emit it:
/// μ = ReduceMean(x) → d = x − μ → d² (Pow 2 or d·d) → ReduceMean → + ε → Sqrt → d ÷ σ → [· γ] → [+ β], with both
/// means over the same trailing axes. It lowers to one <c>layer_norm</c> vector op (one pass over the rows) instead of
/// nine separate passes. Every intermediate must feed only the next step (d feeds the square and the division); γ, β
/// and ε must be constants.
/// </summary>
internal sealed record LayerNormPattern(IReadOnlyList<InferredNode> Nodes, string Input, long RowLength, long ParameterElements)
{
    public InferredNode Last => Nodes[^1];

    public static List<LayerNormPattern> FindAll(LoweringContext c, IReadOnlySet<int> taken)
    {
        var consumers = new Dictionary<string, List<InferredNode>>(StringComparer.Ordinal);
        foreach (var node in c.Graph.Nodes.Where(n => !n.IsFolded))
        {
            foreach (var input in node.Inputs.Where(i => i.Length > 0).Distinct(StringComparer.Ordinal))
                (consumers.TryGetValue(input, out var list) ? list : consumers[input] = []).Add(node);
        }

        var outputs = new HashSet<string>(c.Graph.Outputs, StringComparer.Ordinal);
        IReadOnlyList<InferredNode> UsersOf(InferredNode n) =>
            n.Outputs.Count == 1 && !outputs.Contains(n.Outputs[0]) && consumers.TryGetValue(n.Outputs[0], out var users) ? users : [];
        InferredNode? Sole(InferredNode n, string opType) => UsersOf(n) is [{ } next] && next.OpType == opType ? next : null;

        var found = new List<LayerNormPattern>();
        foreach (var mean in c.Graph.Nodes.Where(n => n.OpType == "ReduceMean" && !n.IsFolded && n.UnknownReason is null && !taken.Contains(n.Index)))
        {
            var x = mean.Inputs[0];
            if (!c.IsActivation(x) || Sole(mean, "Sub") is not { } sub || sub.Inputs[0] != x || sub.Inputs[1] != mean.Outputs[0])
                continue;
            var subUsers = UsersOf(sub);
            var square = subUsers.FirstOrDefault(u => IsSquareOf(c, u, sub.Outputs[0]));
            var divide = subUsers.FirstOrDefault(u => u.OpType == "Div" && u.Inputs[0] == sub.Outputs[0]);
            if (subUsers.Count != 2 || square is null || divide is null)
                continue;
            if (Sole(square, "ReduceMean") is not { } variance || Sole(variance, "Add") is not { } epsilon || !OtherIsConstant(c, epsilon, variance.Outputs[0])
                || Sole(epsilon, "Sqrt") is not { } sqrt || Sole(sqrt, "Div") != divide || divide.Inputs[1] != sqrt.Outputs[0])
                continue;

            var nodes = new List<InferredNode> { mean, sub, square, variance, epsilon, sqrt, divide };
            long parameters = 0;
            foreach (var affine in new[] { "Mul", "Add" })
            {
                if (Sole(nodes[^1], affine) is { } next && OtherIsConstant(c, next, nodes[^1].Outputs[0]))
                {
                    parameters += Other(c, next, nodes[^1].Outputs[0])?.ElementCount ?? 0;
                    nodes.Add(next);
                }
            }

            var input = c.Info(x);
            var rows = c.Info(mean.Outputs[0]);
            if (input is null || rows is null || rows.ElementCount == 0 || input.ElementCount % rows.ElementCount != 0
                || c.Info(variance.Outputs[0])?.ElementCount != rows.ElementCount || nodes.Any(n => taken.Contains(n.Index)))
                continue;
            found.Add(new LayerNormPattern(nodes, x, input.ElementCount / rows.ElementCount, parameters));
        }

        return found;
    }

    /// <summary>The fused op: a layer_norm over rows of <see cref="RowLength"/>, named after the first mean.</summary>
    public VectorOp ToOp(LoweringContext c, string name)
    {
        var shape = c.OutputShape(Last) ?? throw new InvalidOperationException($"{Last.Label}: no output shape");
        var elements = shape.Aggregate(1L, (p, d) => checked(p * d));
        return new VectorOp(name, c.Producers(Nodes[0], [Input]), "layer_norm", shape.Count == 0 ? [1] : [.. shape], elements, RowLength, ParameterElements);
    }

    private static bool IsSquareOf(LoweringContext c, InferredNode node, string d) =>
        (node.OpType == "Pow" && node.Inputs[0] == d && c.Info(node.Inputs[1])?.Value is { Count: 1 } v && v.AsDoubles()[0] == 2.0)
        || (node.OpType == "Mul" && node.Inputs.Count == 2 && node.Inputs[0] == d && node.Inputs[1] == d);

    private static TensorInfo? Other(LoweringContext c, InferredNode node, string mine) =>
        node.Inputs.Count == 2 ? c.Info(node.Inputs[0] == mine ? node.Inputs[1] : node.Inputs[0]) : null;

    private static bool OtherIsConstant(LoweringContext c, InferredNode node, string mine) =>
        node.Inputs.Count == 2 && (node.Inputs[0] == mine || node.Inputs[1] == mine)
        && !c.IsActivation(node.Inputs[0] == mine ? node.Inputs[1] : node.Inputs[0]);
}
