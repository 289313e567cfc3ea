namespace Sim.Explorer.Import.Onnx.Inference;

/// <summary>
/// Elementwise ops. Unary ops keep the input's shape and type; binary/variadic ops broadcast numpy-style (Broadcasting.md);
/// comparisons and logic give BOOL; Cast gives attribute 'to'. Add/Sub/Mul/Div, Min/Max/Sum, comparisons, And/Or/Xor/Not,
/// Where, Neg, Floor/Ceil, Cast and Identity fold small constants.
/// </summary>
internal static class ElementwiseRules
{
    private static readonly string[] Unary =
    [
        "Relu", "LeakyRelu", "Sigmoid", "HardSigmoid", "HardSwish", "Tanh", "Sqrt", "Exp", "Log", "Erf", "Abs", "Neg",
        "Reciprocal", "Gelu", "Elu", "Selu", "Celu", "Softplus", "Softsign", "Mish", "Floor", "Ceil", "Round", "Sign",
        "ThresholdedRelu", "Sin", "Cos", "Tan", "Asin", "Acos", "Atan", "Sinh", "Cosh", "Asinh", "Acosh", "Atanh", "IsNaN", "IsInf",
    ];

    private static readonly string[] Arithmetic = ["Add", "Sub", "Mul", "Div", "Pow", "Mod", "BitShift"];

    private static readonly string[] Boolean = ["Equal", "Less", "Greater", "LessOrEqual", "GreaterOrEqual", "And", "Or", "Xor"];

    public static void Register(Dictionary<string, ShapeRule> rules)
    {
        foreach (var op in Unary)
            rules[op] = UnaryRule;
        foreach (var op in Arithmetic)
            rules[op] = BinaryRule;
        foreach (var op in Boolean)
            rules[op] = BooleanRule;
        foreach (var op in new[] { "Sum", "Mean", "Max", "Min" })
            rules[op] = VariadicRule;
        rules["Not"] = c => c.Output(0, OnnxElementType.Bool, c.Shape(0),
            c.Value(0) is { } v ? ConstantValue.OfLongs(OnnxElementType.Bool, c.Shape(0), Array.ConvertAll(v.AsDoubles(), d => d != 0 ? 0L : 1L)) : null);
        rules["Identity"] = c => c.Output(0, c.Type(0), c.Shape(0), c.Value(0));
        rules["Clip"] = UnaryRule;
        rules["Dropout"] = Dropout;
        rules["Cast"] = Cast;
        rules["CastLike"] = c => c.Output(0, c.Type(1), c.Shape(0), c.Value(0)?.CastTo(c.Type(1), c.Shape(0)));
        rules["PRelu"] = PRelu;
        rules["Where"] = Where;
    }

    private static void UnaryRule(NodeContext c)
    {
        ConstantValue? value = null;
        if (c.Node.OpType == "Neg" && c.Value(0) is { } v)
        {
            var zero = v.Longs is not null ? ConstantValue.OfLongs(v.Type, [], [0]) : ConstantValue.OfDoubles(v.Type, [], [0.0]);
            value = ConstantFolding.Binary("Sub", zero, v, c.Shape(0));
        }
        else if (c.Node.OpType is "Floor" or "Ceil" && c.Value(0) is { } f)
        {
            value = f.Longs is not null ? f : ConstantValue.OfDoubles(f.Type, c.Shape(0),
                Array.ConvertAll(f.Doubles!, d => c.Node.OpType == "Floor" ? Math.Floor(d) : Math.Ceiling(d)));
        }
        c.Output(0, c.Type(0), c.Shape(0), value);
    }

    private static void BinaryRule(NodeContext c)
    {
        var shape = BroadcastAll(c, 0, 1);
        c.Output(0, c.Type(0), shape, ConstantFolding.Binary(c.Node.OpType, c.Value(0), c.Value(1), shape));
    }

    private static void BooleanRule(NodeContext c)
    {
        var shape = BroadcastAll(c, 0, 1);
        c.Output(0, OnnxElementType.Bool, shape, ConstantFolding.Compare(c.Node.OpType, c.Value(0), c.Value(1), shape));
    }

    private static void VariadicRule(NodeContext c)
    {
        var inputs = Enumerable.Range(0, c.InputCount).Where(c.Has).ToArray();
        if (inputs.Length == 0)
            throw c.Fail("has no inputs", "re-export the model (the node is malformed)");
        var shape = BroadcastAll(c, inputs);
        // Min/Max/Sum fold pairwise into the broadcast shape; Mean is not folded (no shape subgraph uses it).
        ConstantValue? value = null;
        if (c.Node.OpType != "Mean")
        {
            var op = c.Node.OpType == "Sum" ? "Add" : c.Node.OpType;
            value = inputs.Length == 1 ? c.Value(inputs[0]) : ConstantFolding.Binary(op, c.Value(inputs[0]), c.Value(inputs[1]), shape);
            foreach (var i in inputs.Skip(2))
                value = ConstantFolding.Binary(op, value, c.Value(i), shape);
        }
        c.Output(0, c.Type(inputs[0]), shape, value);
    }

    private static void Where(NodeContext c)
    {
        var shape = BroadcastAll(c, 0, 1, 2);
        c.Output(0, c.Type(1), shape, ConstantFolding.Where(c.Value(0), c.Value(1), c.Value(2), shape));
    }

    private static void Dropout(NodeContext c)
    {
        c.Output(0, c.Type(0), c.Shape(0), c.Value(0));
        c.Output(1, OnnxElementType.Bool, c.Shape(0));
    }

    private static void Cast(NodeContext c)
    {
        var to = (OnnxElementType)c.Attr.Int("to");
        if (!Enum.IsDefined(to) || to == OnnxElementType.Undefined)
            throw c.Attr.Error("to", $"is {(long)to}, not an ONNX element type", "re-export the model with a valid Cast target");
        c.Output(0, to, c.Shape(0), c.Value(0)?.CastTo(to, c.Shape(0)));
    }

    private static void PRelu(NodeContext c)
    {
        if (!Broadcasting.Unidirectional(c.Shape(1), c.Shape(0)))
            throw c.Fail($"slope {c.Describe(1)} does not broadcast to X {c.Describe(0)}", "give the slope a shape that broadcasts to X (e.g. [C,1,1])");
        c.Output(0, c.Type(0), c.Shape(0));
    }

    /// <summary>The broadcast shape of the given inputs; an error naming them when incompatible.</summary>
    public static long[] BroadcastAll(NodeContext c, params int[] inputs)
    {
        var shape = c.Shape(inputs[0]);
        foreach (var i in inputs.Skip(1))
        {
            shape = Broadcasting.Shape(shape, c.Shape(i))
                ?? throw c.Fail($"inputs {c.Describe(inputs)} do not broadcast", "fix the model: broadcasting needs each pair of right-aligned dims to be equal or 1");
        }
        return shape;
    }
}
