namespace Sim.Explorer.Import.Onnx.Inference;

/// <summary>
/// Concat (equal dims except 'axis', which adds up; folds small constants), Split ('split' sizes from the attribute before
/// opset 13 or the input from 13; else equal parts, the last one smaller with opset-18 num_outputs) and Pad (pads
/// [b1…bn, e1…en] from the attribute before opset 11, the input from 11; opset-18 'axes' input; negative pads crop).
/// </summary>
internal static class JoinSplitRules
{
    public static void Register(Dictionary<string, ShapeRule> rules)
    {
        rules["Concat"] = Concat;
        rules["Split"] = Split;
        rules["Pad"] = Pad;
    }

    private static void Concat(NodeContext c)
    {
        var inputs = Enumerable.Range(0, c.InputCount).Where(c.Has).ToArray();
        if (inputs.Length == 0)
            throw c.Fail("has no inputs", "re-export the model (the node is malformed)");
        var first = c.Shape(inputs[0]);
        var axis = c.Axis(c.Attr.Int("axis"), first.Length, "axis");
        var shape = (long[])first.Clone();
        shape[axis] = 0;
        foreach (var i in inputs)
        {
            var s = c.Shape(i);
            if (s.Length != first.Length || s.Where((d, k) => k != axis && d != first[k]).Any())
                throw c.Fail($"inputs {c.Describe(inputs)} differ outside the concat axis {axis}", "fix the model: Concat inputs must match in every other dim");
            shape[axis] += s[axis];
        }
        c.Output(0, c.Type(inputs[0]), shape, ConstantFolding.Concat(inputs.Select(c.Value).ToArray(), axis, shape, c.Type(inputs[0])));
    }

    private static void Split(NodeContext c)
    {
        var x = c.Shape(0);
        var axis = c.Axis(c.Attr.Int("axis", 0), x.Length, "axis");
        var parts = c.OutputCount;
        var split = c.Opset >= 13 ? (c.Has(1) ? c.RequireValue(1, "split").AsLongs() : null) : c.Attr.Ints("split")?.ToArray();
        if (split is not null)
        {
            if (split.Length != parts || split.Sum() != x[axis] || split.Any(s => s < 0))
                throw c.Fail($"split [{string.Join(",", split)}] does not cut X {c.Describe(0)} axis {axis} ({x[axis]}) into {parts} outputs", "make the split sizes add up to the axis length, one per output");
        }
        else
        {
            var numOutputs = c.Opset >= 18 ? c.Attr.Int("num_outputs", parts) : parts;
            if (numOutputs != parts)
                throw c.Attr.Error("num_outputs", $"is {numOutputs} but the node has {parts} outputs", "make num_outputs equal the node's output count");
            var chunk = (x[axis] + numOutputs - 1) / numOutputs;
            if (c.Opset < 18 && x[axis] % parts != 0)
                throw c.Fail($"X {c.Describe(0)} axis {axis} ({x[axis]}) does not split into {parts} equal parts", "give the split sizes");
            split = Enumerable.Range(0, parts).Select(k => Math.Max(0, Math.Min(chunk, x[axis] - k * chunk))).ToArray();
        }
        for (var k = 0; k < parts; k++)
        {
            var shape = (long[])x.Clone();
            shape[axis] = split[k];
            c.Output(k, c.Type(0), shape);
        }
    }

    private static void Pad(NodeContext c)
    {
        var x = c.Shape(0);
        var pads = c.Opset >= 11 ? c.RequireValue(1, "pads").AsLongs() : c.Attr.Ints("pads")?.ToArray()
            ?? throw c.Attr.Error("pads", "is required but missing", "add pads (the model is malformed)");
        var axes = c.Opset >= 18 && c.Has(3)
            ? c.RequireValue(3, "axes").AsLongs().Select(a => c.Axis(a, x.Length, "axes entry")).ToArray()
            : Enumerable.Range(0, x.Length).ToArray();
        if (pads.Length != 2 * axes.Length)
            throw c.Fail($"pads [{string.Join(",", pads)}] need {2 * axes.Length} entries for X {c.Describe(0)}", "give a begin and an end pad per padded axis");
        var shape = (long[])x.Clone();
        for (var j = 0; j < axes.Length; j++)
            shape[axes[j]] += pads[j] + pads[j + axes.Length];
        c.Output(0, c.Type(0), shape);
    }
}
