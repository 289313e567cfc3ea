namespace Sim.Explorer.Import.Onnx.Inference;

/// <summary>
/// MaxPool/AveragePool/LpPool: [N,C,s…] → [N,C,out…] with kernel_shape (required), strides, pads, auto_pad, dilations and
/// ceil_mode (<see cref="ConvGeometry.Forward"/>); MaxPool's optional Indices output is INT64 of the same shape.
/// Global*Pool: [N,C,s…] → [N,C,1…].
/// </summary>
internal static class PoolRules
{
    public static void Register(Dictionary<string, ShapeRule> rules)
    {
        foreach (var op in new[] { "MaxPool", "AveragePool", "LpPool" })
            rules[op] = Pool;
        foreach (var op in new[] { "GlobalAveragePool", "GlobalMaxPool", "GlobalLpPool" })
            rules[op] = GlobalPool;
    }

    private static void Pool(NodeContext c)
    {
        var x = c.Shape(0);
        if (x.Length < 3)
            throw c.Fail($"needs X [N,C,spatial…], got {c.Describe(0)}", "fix the model's shapes");
        var kernel = c.Attr.Ints("kernel_shape") ?? throw c.Attr.Error("kernel_shape", "is required but missing", "add kernel_shape (the model is malformed)");
        if (kernel.Count != x.Length - 2 || kernel.Any(k => k < 1))
            throw c.Attr.Error("kernel_shape", $"is [{string.Join(",", kernel)}] for X {c.Describe(0)}", "give one positive kernel size per spatial dim");
        var geometry = ConvGeometry.Forward(c.Attr, x[2..], kernel, ceilMode: c.Attr.Int("ceil_mode", 0) != 0);
        long[] shape = [x[0], x[1], .. geometry.Output];
        c.Output(0, c.Type(0), shape);
        c.Output(1, OnnxElementType.Int64, shape);
    }

    private static void GlobalPool(NodeContext c)
    {
        var x = c.Shape(0);
        if (x.Length < 3)
            throw c.Fail($"needs X [N,C,spatial…], got {c.Describe(0)}", "fix the model's shapes");
        c.Output(0, c.Type(0), [x[0], x[1], .. Enumerable.Repeat(1L, x.Length - 2)]);
    }
}
