namespace Sim.Explorer.Import.Onnx.Inference;

/// <summary>
/// Ops whose outputs are known values: Constant (value / value_float(s) / value_int(s) / value_string(s)), Shape (INT64 [rank],
/// opset-15 start/end), Size (INT64 scalar), ConstantOfShape (shape from the input's value, fill from 'value', default
/// FLOAT 0) and Range (⌈(limit − start) / delta⌉ elements, needs the three scalar values).
/// </summary>
internal static class SourceRules
{
    public static void Register(Dictionary<string, ShapeRule> rules)
    {
        rules["Constant"] = Constant;
        rules["Shape"] = Shape;
        rules["Size"] = c => c.Output(0, OnnxElementType.Int64, [], ConstantValue.OfLongs(OnnxElementType.Int64, [], [Shapes.Count(c.Shape(0))]));
        rules["ConstantOfShape"] = ConstantOfShape;
        rules["Range"] = Range;
    }

    private static void Constant(NodeContext c)
    {
        var attr = c.Attr;
        if (attr.Tensor("value") is { } t)
            c.Output(0, t.Type, t.Dims.ToArray(), t.Value);
        else if (attr.Has("value_float"))
            c.Output(0, OnnxElementType.Float, [], ConstantValue.OfDoubles(OnnxElementType.Float, [], [attr.Float("value_float", 0)]));
        else if (attr.Floats("value_floats") is { } floats)
            c.Output(0, OnnxElementType.Float, [floats.Count], ConstantValue.OfDoubles(OnnxElementType.Float, [floats.Count], floats.ToArray()));
        else if (attr.Has("value_int"))
            c.Output(0, OnnxElementType.Int64, [], ConstantValue.OfLongs(OnnxElementType.Int64, [], [attr.Int("value_int")]));
        else if (attr.Ints("value_ints") is { } ints)
            c.Output(0, OnnxElementType.Int64, [ints.Count], ConstantValue.OfLongs(OnnxElementType.Int64, [ints.Count], ints.ToArray()));
        else if (attr.Has("value_string"))
            c.Output(0, OnnxElementType.String, []);
        else if (attr.Find("value_strings") is { } strings)
            c.Output(0, OnnxElementType.String, [strings.Strings.Count]);
        else
            throw c.Fail("has no value attribute this reader supports (sparse_value is not supported)", "re-export the model with a dense Constant");
    }

    private static void Shape(NodeContext c)
    {
        var x = c.Shape(0);
        long start = 0, end = x.Length;
        if (c.Opset >= 15)
        {
            start = Clamp(c.Attr.Int("start", 0), x.Length);
            end = Clamp(c.Attr.Int("end", x.Length), x.Length);
        }
        var dims = x[(int)start..(int)Math.Max(start, end)];
        c.Output(0, OnnxElementType.Int64, [dims.Length], ConstantValue.OfLongs(OnnxElementType.Int64, [dims.Length], dims));
    }

    private static long Clamp(long axis, int rank) => Math.Clamp(axis < 0 ? axis + rank : axis, 0, rank);

    private static void ConstantOfShape(NodeContext c)
    {
        var shape = c.RequireValue(0, "shape").AsLongs();
        if (shape.Any(d => d < 0))
            throw c.Fail($"shape [{string.Join(",", shape)}] has a negative dim", "fix the shape input");
        var fill = c.Attr.Tensor("value");
        if (fill is not null && fill.ElementCount != 1)
            throw c.Attr.Error("value", $"holds {fill.ElementCount} elements", "give a one-element tensor");
        var type = fill?.Type ?? OnnxElementType.Float;
        var fillValue = fill is null ? ConstantValue.OfDoubles(OnnxElementType.Float, [1], [0.0]) : fill.Value;
        c.Output(0, type, shape, fillValue is null ? null : ConstantFolding.Fill(fillValue, shape));
    }

    private static void Range(NodeContext c)
    {
        for (var i = 0; i < 3; i++)
        {
            if (c.Rank(i) != 0)
                throw c.Fail($"input {i} {c.Describe(i)} is not a scalar", "give start, limit and delta as scalars");
        }
        var start = c.RequireValue(0, "start");
        var limit = c.RequireValue(1, "limit").AsDoubles()[0];
        var delta = c.RequireValue(2, "delta").AsDoubles()[0];
        if (delta == 0)
            throw c.Fail("delta is 0", "use a non-zero delta");
        var first = start.AsDoubles()[0];
        var n = (long)Math.Max(Math.Ceiling((limit - first) / delta), 0);
        ConstantValue? value = null;
        if (n <= ConstantValue.MaxElements)
        {
            value = start.Longs is not null
                ? ConstantValue.OfLongs(start.Type, [n], Enumerable.Range(0, (int)n).Select(k => start.Longs[0] + k * (long)delta).ToArray())
                : ConstantValue.OfDoubles(start.Type, [n], Enumerable.Range(0, (int)n).Select(k => first + k * delta).ToArray());
        }
        c.Output(0, c.Type(0), [n], value);
    }
}
