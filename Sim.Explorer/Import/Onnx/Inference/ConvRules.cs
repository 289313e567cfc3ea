namespace Sim.Explorer.Import.Onnx.Inference;

/// <summary>
/// Conv: X [N,C,s…] * W [M,C/group,k…] → [N,M,out…] (C = W[1]·group, M divisible by group; geometry in
/// <see cref="ConvGeometry.Forward"/>). ConvTranspose: W [C,M/group,k…] → [N,W[1]·group,out…] (C divisible by group; <see cref="ConvGeometry.Transposed"/>).
/// </summary>
internal static class ConvRules
{
    public static void Register(Dictionary<string, ShapeRule> rules)
    {
        rules["Conv"] = Conv;
        rules["ConvTranspose"] = ConvTranspose;
    }

    private static void Conv(NodeContext c)
    {
        var (x, w, group) = Operands(c);
        if (x[1] != w[1] * group)
            throw c.Fail($"X {c.Describe(0)} has {x[1]} channels, W {c.Describe(1)} with group {group} expects {w[1] * group}", "fix the weight shape or the group attribute");
        if (w[0] % group != 0)
            throw c.Fail($"W {c.Describe(1)} has {w[0]} output channels, not divisible by group {group}", "fix the weight shape or the group attribute");
        CheckBias(c, w[0]);
        var geometry = ConvGeometry.Forward(c.Attr, x[2..], Kernel(c, w));
        c.Output(0, c.Type(0), [x[0], w[0], .. geometry.Output]);
    }

    private static void ConvTranspose(NodeContext c)
    {
        var (x, w, group) = Operands(c);
        if (x[1] != w[0])
            throw c.Fail($"X {c.Describe(0)} has {x[1]} channels, W {c.Describe(1)} expects {w[0]}", "fix the weight shape (ConvTranspose weights are [C, M/group, k…])");
        if (x[1] % group != 0)
            throw c.Fail($"X {c.Describe(0)} has {x[1]} channels, not divisible by group {group}", "fix the weight shape or the group attribute");
        CheckBias(c, w[1] * group);
        var geometry = ConvGeometry.Transposed(c.Attr, x[2..], Kernel(c, w));
        c.Output(0, c.Type(0), [x[0], w[1] * group, .. geometry.Output]);
    }

    private static (long[] X, long[] W, long Group) Operands(NodeContext c)
    {
        var x = c.Shape(0);
        var w = c.Shape(1);
        if (x.Length < 3 || w.Length != x.Length)
            throw c.Fail($"needs X [N,C,spatial…] and W of the same rank, got {c.Describe(0, 1)}", "fix the model's shapes");
        var group = c.Attr.Int("group", 1);
        if (group < 1)
            throw c.Attr.Error("group", $"is {group}", "use group ≥ 1");
        return (x, w, group);
    }

    private static long[] Kernel(NodeContext c, long[] w)
    {
        var kernel = w[2..];
        var declared = c.Attr.Ints("kernel_shape");
        if (declared is not null && !declared.SequenceEqual(kernel))
            throw c.Attr.Error("kernel_shape", $"is [{string.Join(",", declared)}] but W {c.Describe(1)} has kernel [{string.Join(",", kernel)}]", "make kernel_shape match the weights");
        return kernel;
    }

    private static void CheckBias(NodeContext c, long channels)
    {
        if (c.Has(2) && !c.Shape(2).SequenceEqual([channels]))
            throw c.Fail($"bias {c.Describe(2)} is not [{channels}]", "give one bias per output channel");
    }
}
