namespace Sim.Explorer.Import.Onnx.Inference;

/// <summary>
/// Normalizations keep X's shape. BatchNormalization's optional training outputs (running/saved mean and variance) are
/// [C]; LayerNormalization's optional Mean/InvStdDev are X's dims before 'axis' (default -1) followed by 1s.
/// </summary>
internal static class NormalizationRules
{
    public static void Register(Dictionary<string, ShapeRule> rules)
    {
        rules["BatchNormalization"] = BatchNormalization;
        rules["LayerNormalization"] = LayerNormalization;
        foreach (var op in new[] { "InstanceNormalization", "GroupNormalization", "LpNormalization", "LRN", "MeanVarianceNormalization" })
            rules[op] = c => c.Output(0, c.Type(0), c.Shape(0));
    }

    private static void BatchNormalization(NodeContext c)
    {
        var x = c.Shape(0);
        if (x.Length < 2)
            throw c.Fail($"needs X [N,C,…], got {c.Describe(0)}", "fix the model's shapes");
        for (var i = 1; i <= 4; i++)
        {
            if (c.Has(i) && !c.Shape(i).SequenceEqual([x[1]]))
                throw c.Fail($"input {i} {c.Describe(i)} is not [{x[1]}] (one value per channel of X {c.Describe(0)})", "give scale, bias, mean and var one value per channel");
        }
        c.Output(0, c.Type(0), x);
        for (var k = 1; k < c.OutputCount; k++)
            c.Output(k, c.Has(1) ? c.Type(1) : c.Type(0), [x[1]]);
    }

    private static void LayerNormalization(NodeContext c)
    {
        var x = c.Shape(0);
        var axis = c.Axis(c.Attr.Int("axis", -1), x.Length, "axis");
        c.Output(0, c.Type(0), x);
        long[] stats = [.. x[..axis], .. Enumerable.Repeat(1L, x.Length - axis)];
        var stashType = (OnnxElementType)c.Attr.Int("stash_type", (long)OnnxElementType.Float);
        c.Output(1, stashType, stats);
        c.Output(2, stashType, stats);
    }
}
