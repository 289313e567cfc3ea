using Sim.Core.Workloads;

namespace Sim.Explorer.Import.Onnx.Lowering;

/// <summary>
/// Scaled dot-product attention written out as MatMul(Q, Kᵀ) → [one Mul/Div/Add by a scale or mask] → Softmax(last axis)
/// → MatMul(·, V), found so it lowers to one <see cref="AttentionLayer"/> (whose lowering — fused by default — decides
/// whether the score matrix ever reaches memory). Required: Q, Kᵀ and V are run-time tensors with equal batch dims (no
/// broadcasting, so no GQA), V's width equals Q's (our attention has one head_dim), each intermediate feeds only the
/// next step, and the scores have rank ≥ 3 (rank 4: [batch, heads, Sq, Skv]; rank 3: [batch·heads, Sq, Skv]).
/// An Add before the softmax (a run-time or constant mask, a position bias) is not modelled: the layer is costed as
/// unmasked (causal: false) and the import warns.
/// </summary>
internal sealed record AttentionPattern(InferredNode Scores, InferredNode? Scale, InferredNode Softmax, InferredNode Context,
    Attention Shape, IReadOnlyList<string> OperandTensors, bool Masked)
{
    public IEnumerable<InferredNode> Nodes => Scale is null ? [Scores, Softmax, Context] : [Scores, Scale, Softmax, Context];

    public static List<AttentionPattern> FindAll(LoweringContext c)
    {
        var consumers = new Dictionary<string, List<InferredNode>>(StringComparer.Ordinal);
        var producer = new Dictionary<string, InferredNode>(StringComparer.Ordinal);
        foreach (var node in c.Graph.Nodes.Where(n => !n.IsFolded))
        {
            foreach (var input in node.Inputs.Where(i => i.Length > 0))
                (consumers.TryGetValue(input, out var list) ? list : consumers[input] = []).Add(node);
            foreach (var output in node.Outputs)
                producer[output] = node;
        }

        var outputs = new HashSet<string>(c.Graph.Outputs, StringComparer.Ordinal);
        bool SoleUse(InferredNode n) => n.Outputs.Count == 1 && !outputs.Contains(n.Outputs[0])
            && consumers.TryGetValue(n.Outputs[0], out var users) && users.Count == 1;

        var found = new List<AttentionPattern>();
        foreach (var softmax in c.Graph.Nodes.Where(n => n.OpType == "Softmax" && !n.IsFolded && n.UnknownReason is null))
        {
            if (!SoleUse(softmax) || consumers[softmax.Outputs[0]][0] is not { OpType: "MatMul" } context || context.Inputs[0] != softmax.Outputs[0])
                continue;
            if (!producer.TryGetValue(softmax.Inputs[0], out var before) || !SoleUse(before))
                continue;
            InferredNode? scale = null;
            var masked = false;
            if (before.OpType is "Mul" or "Div" or "Add")
            {
                // The scores come from a MatMul; the other operand is a scale (a constant) or, for Add, a mask.
                var fromScores = before.Inputs.FirstOrDefault(i => producer.TryGetValue(i, out var p) && p.OpType == "MatMul");
                if (fromScores is null || before.Inputs.Count != 2 || (before.OpType == "Div" && fromScores != before.Inputs[0]))
                    continue;
                var other = before.Inputs[0] == fromScores ? before.Inputs[1] : before.Inputs[0];
                if (before.OpType != "Add" && c.IsActivation(other))
                    continue;
                masked = before.OpType == "Add"; // a run-time mask, or a constant mask/bias: neither is modelled
                scale = before;
                before = producer[fromScores];
                if (!SoleUse(before))
                    continue;
            }

            if (before.OpType != "MatMul")
                continue;
            if (InferShape(c, before, softmax, context) is { } shape)
                found.Add(new AttentionPattern(before, scale, softmax, context, shape, [before.Inputs[0], before.Inputs[1], context.Inputs[1]], masked));
        }

        return found;
    }

    private static Attention? InferShape(LoweringContext c, InferredNode scores, InferredNode softmax, InferredNode context)
    {
        var q = c.Info(scores.Inputs[0])?.Shape;
        var kt = c.Info(scores.Inputs[1])?.Shape;
        var v = c.Info(context.Inputs[1])?.Shape;
        var s = c.Info(softmax.Outputs[0])?.Shape;
        if (q is null || kt is null || v is null || s is null || s.Count < 3 || q.Count != s.Count || kt.Count != s.Count || v.Count != s.Count)
            return null;
        if (!c.IsActivation(scores.Inputs[0]) || !c.IsActivation(scores.Inputs[1]) || !c.IsActivation(context.Inputs[1]))
            return null;
        var batchDims = s.Take(s.Count - 2).ToArray();
        if (!q.Take(s.Count - 2).SequenceEqual(batchDims) || !kt.Take(s.Count - 2).SequenceEqual(batchDims) || !v.Take(s.Count - 2).SequenceEqual(batchDims))
            return null;
        var (seqQ, headDim, seqKv) = (q[^2], q[^1], kt[^1]);
        if (v[^2] != seqKv || v[^1] != headDim || !SoftmaxOverKeys(c, softmax, s))
            return null;
        var (batch, heads) = s.Count == 4 ? (s[0], s[1]) : (1L, batchDims.Aggregate(1L, (p, d) => p * d));
        return new Attention(softmax.Name, batch, heads, heads, seqQ, seqKv, headDim, Causal: false);
    }

    /// <summary>The softmax must normalise each query's row of keys: the last axis (or, before opset 13, axis = rank − 1).</summary>
    private static bool SoftmaxOverKeys(LoweringContext c, InferredNode softmax, IReadOnlyList<long> scores)
    {
        var opset = c.Graph.Model.DefaultOpset;
        var axis = softmax.Attributes.Int("axis", opset < 13 ? 1 : -1);
        if (axis < 0)
            axis += scores.Count;
        return axis == scores.Count - 1;
    }
}
