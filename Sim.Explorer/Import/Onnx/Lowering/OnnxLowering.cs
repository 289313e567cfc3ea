using Sim.Core.Config;
using Sim.Core.Workloads;

namespace Sim.Explorer.Import.Onnx.Lowering;

/// <summary>
/// Lowers a shape-inferred ONNX graph to a <see cref="Workload"/>: one op per computing node, in the model's order, named
/// after the node, with DAG edges from each op's run-time inputs. Every node ends up in the report exactly once — lowered,
/// fused (attention, layer norm), a view, folded, weight preparation, or opaque (warned; costed at zero) — never silently dropped.
/// </summary>
public static class OnnxLowering
{
    public static OnnxImport Lower(InferredGraph graph, OnnxLoweringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        options ??= new OnnxLoweringOptions();
        var c = new LoweringContext(graph);
        var patterns = options.FuseAttention ? AttentionPattern.FindAll(c) : [];
        var patternOf = patterns.SelectMany(p => p.Nodes.Select(n => (n.Index, p))).ToDictionary(x => x.Index, x => x.p);
        var attentionNames = patterns.ToDictionary(p => p, p => c.NameFor(p.Softmax));
        var norms = options.FuseLayerNorm ? LayerNormPattern.FindAll(c, patternOf.Keys.ToHashSet()) : [];
        var normOf = norms.SelectMany(p => p.Nodes.Select(n => (n.Index, p))).ToDictionary(x => x.Index, x => x.p);
        var normNames = norms.ToDictionary(p => p, p => c.NameFor(p.Nodes[0]));

        foreach (var node in graph.Nodes)
        {
            if (node.IsFolded)
                c.Record(node, NodeOutcome.Folded, "constant");
            else if (patternOf.TryGetValue(node.Index, out var pattern))
                LowerPatternNode(c, node, pattern, attentionNames[pattern], options.AttentionLowering);
            else if (normOf.TryGetValue(node.Index, out var norm))
                LowerLayerNormNode(c, node, norm, normNames[norm]);
            else if (node.UnknownReason is not null || node.Inputs.Any(c.UnknownTensors.Contains))
                Opaque(c, node, node.UnknownReason ?? "an input's producer is opaque");
            else if (node.Inputs.All(i => i.Length == 0))
            {
                // A Constant (or other source) too large to fold: weight data, loaded once, not computed.
                c.PreparedWeights.UnionWith(node.Outputs);
                c.Record(node, NodeOutcome.Folded, "weights", note: "constant data (weights)");
            }
            else if (node.Inputs.Where(i => i.Length > 0).All(i => !c.IsActivation(i)))
            {
                c.PreparedWeights.UnionWith(node.Outputs);
                c.Record(node, NodeOutcome.WeightPreparation, "weights", note: "reads only weights/constants: computed once, not per inference");
            }
            else
                LowerComputing(c, node);
        }

        Workload workload;
        try
        {
            workload = new Workload(options.Name ?? Path.GetFileNameWithoutExtension(graph.Model.File), c.Ops);
        }
        catch (ArgumentException e)
        {
            throw new SimInputException($"{graph.Model.File}: the lowered workload is invalid: {e.Message}. Fix: report this model");
        }

        var shapes = graph.Inputs.Where(graph.Tensors.ContainsKey).ToDictionary(i => i, i => graph.Tensors[i].Shape, StringComparer.Ordinal);
        return new OnnxImport(graph.Model.File, workload, [.. c.Report.OrderBy(r => r.Index)], c.Warnings, shapes, graph.Model.DefaultOpset);
    }

    private static void LowerComputing(LoweringContext c, InferredNode node)
    {
        if (VectorLowering.Views.Contains(node.OpType))
        {
            c.Alias(node, node.Inputs[0]);
            c.Record(node, NodeOutcome.View, "view", c.ProducerOf(node.Inputs[0]));
            return;
        }

        Op? op = node.OpType switch
        {
            "Conv" => GemmLowering.Conv(c, node),
            "ConvTranspose" => GemmLowering.ConvTranspose(c, node),
            "MatMul" => GemmLowering.MatMul(c, node),
            "Gemm" => GemmLowering.GemmNode(c, node),
            _ => VectorLowering.Lower(c, node),
        };
        if (op is null)
        {
            Opaque(c, node, node.OpType is "Conv" or "ConvTranspose"
                ? $"{node.OpType} over {c.Shape(node, node.Inputs[0]).Count - 2} spatial dims has no model (1-D and 2-D only)"
                : $"op type '{node.OpType}'{(node.Domain.Length > 0 ? $" (domain {node.Domain})" : "")} has no cost model");
            return;
        }

        var loweredAs = op is VectorOp v ? $"vector {v.Function}" : op.Kind;
        string? note = null;
        if (node.OpType is "Conv" or "Gemm" && node.Inputs.Count > 2 && node.Inputs[2].Length > 0)
            note = "bias add not costed (done in the output stage)";
        else if (node.OpType is "Sum" or "Mean" or "Max" or "Min" && node.Inputs.Count(i => i.Length > 0) > 2)
            note = $"{node.Inputs.Count(i => i.Length > 0)}-input {node.OpType} costed as one op per element (undercounted)";
        c.Add(node, op, loweredAs, note);
    }

    private static void LowerPatternNode(LoweringContext c, InferredNode node, AttentionPattern pattern, string name, AttentionLowering lowering)
    {
        if (node != pattern.Context)
        {
            c.Record(node, NodeOutcome.Fused, "attention", name);
            return;
        }

        var layer = new AttentionLayer(name, pattern.Shape with { Name = name }, lowering, c.Producers(node, pattern.OperandTensors));
        var note = $"{string.Join(" → ", pattern.Nodes.Select(n => n.OpType))} as one attention (batch {pattern.Shape.Batch}, heads {pattern.Shape.Heads}, "
            + $"seq {pattern.Shape.SeqQ}×{pattern.Shape.SeqKv}, head_dim {pattern.Shape.HeadDim})";
        if (pattern.Masked)
        {
            note += "; the add before the softmax (mask or bias) is not modelled (non-causal)";
            c.Warnings.Add($"{node.Label}: attention '{name}' adds a mask or bias before its softmax; it is modelled as unmasked (causal: false)");
        }

        c.Add(node, layer, "attention", note, NodeOutcome.Fused);
    }

    private static void LowerLayerNormNode(LoweringContext c, InferredNode node, LayerNormPattern norm, string name)
    {
        if (node != norm.Last)
        {
            c.Record(node, NodeOutcome.Fused, "vector layer_norm", name);
            return;
        }

        c.Add(node, norm.ToOp(c, name), "vector layer_norm",
            $"{string.Join(" → ", norm.Nodes.Select(n => n.OpType))} as one layer norm (rows of {norm.RowLength})", NodeOutcome.Fused);
    }

    private static void Opaque(LoweringContext c, InferredNode node, string reason)
    {
        var shape = c.OutputShape(node);
        var op = new OpaqueOp(c.NameFor(node), c.Producers(node), node.OpType, shape?.Count == 0 ? [1] : shape, reason);
        if (shape is null)
            c.UnknownTensors.UnionWith(node.Outputs);
        c.Add(node, op, "opaque", reason, NodeOutcome.Opaque);
        c.Warnings.Add($"{node.Label} is opaque (not costed): {reason}");
    }
}
