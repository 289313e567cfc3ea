namespace Sim.Explorer.Import.Onnx.Inference;

/// <summary>
/// Reduce*: the 'axes' (an attribute before opset 13 for ReduceSum and before 18 for the others, an input from then on;
/// none = all axes, unless noop_with_empty_axes) become 1 (keepdims=1, the default) or are removed. ArgMax/ArgMin: one
/// 'axis' (default 0), INT64 output. Softmax/LogSoftmax/Hardmax keep the shape ('axis' default 1 before opset 13, -1 after).
/// </summary>
internal static class ReductionRules
{
    private static readonly string[] Reduces =
        ["ReduceMean", "ReduceSum", "ReduceMax", "ReduceMin", "ReduceProd", "ReduceL1", "ReduceL2", "ReduceLogSum", "ReduceLogSumExp", "ReduceSumSquare"];

    public static void Register(Dictionary<string, ShapeRule> rules)
    {
        foreach (var op in Reduces)
            rules[op] = Reduce;
        rules["ArgMax"] = ArgReduce;
        rules["ArgMin"] = ArgReduce;
        foreach (var op in new[] { "Softmax", "LogSoftmax", "Hardmax" })
            rules[op] = Softmax;
    }

    private static void Reduce(NodeContext c)
    {
        var x = c.Shape(0);
        var axesFromInput = c.Opset >= (c.Node.OpType == "ReduceSum" ? 13 : 18);
        IReadOnlyList<long>? axes = axesFromInput
            ? (c.Has(1) ? c.RequireValue(1, "axes").AsLongs() : null)
            : c.Attr.Ints("axes");
        var keepDims = c.Attr.Int("keepdims", 1) != 0;
        if (axes is null || axes.Count == 0)
        {
            if (axesFromInput && c.Attr.Int("noop_with_empty_axes", 0) != 0)
            {
                c.Output(0, c.Type(0), x);
                return;
            }
            axes = Enumerable.Range(0, x.Length).Select(i => (long)i).ToArray();
        }
        var reduced = axes.Select(a => c.Axis(a, x.Length, "axes entry")).ToHashSet();
        c.Output(0, c.Type(0), Reduced(x, reduced, keepDims));
    }

    private static void ArgReduce(NodeContext c)
    {
        var x = c.Shape(0);
        var axis = c.Axis(c.Attr.Int("axis", 0), x.Length, "axis");
        c.Output(0, OnnxElementType.Int64, Reduced(x, [axis], c.Attr.Int("keepdims", 1) != 0));
    }

    private static void Softmax(NodeContext c)
    {
        var x = c.Shape(0);
        c.Axis(c.Attr.Int("axis", c.Opset < 13 ? 1 : -1), x.Length, "axis");
        c.Output(0, c.Type(0), x);
    }

    private static long[] Reduced(long[] x, HashSet<int> axes, bool keepDims)
    {
        var shape = new List<long>();
        for (var i = 0; i < x.Length; i++)
        {
            if (!axes.Contains(i))
                shape.Add(x[i]);
            else if (keepDims)
                shape.Add(1);
        }
        return shape.ToArray();
    }
}
