using Sim.Core.Workloads;

namespace Sim.Core.Config;

/// <summary>
/// Loads a <see cref="Workload"/> from YAML: <c>name:</c> and a list of <c>ops:</c>, each with a
/// <c>kind:</c> (gemm, conv2d, conv_transpose2d, attention, vector, opaque) and optional <c>inputs:</c> naming producer
/// ops. <see cref="WorkloadYamlWriter"/> writes the same format.
/// </summary>
public static partial class WorkloadYaml
{
    public static Workload Load(string file) => Read(YamlMap.Load(file));

    public static Workload Parse(string file, string text) => Read(YamlMap.Parse(file, text));

    private static Workload Read(YamlMap root)
    {
        root.AllowOnly("name", "description", "ops");
        var name = root.RequireString("name");
        var ops = root.RequireMapList("ops").Select(ReadOp).ToList();
        try
        {
            return new Workload(name, ops);
        }
        catch (ArgumentException e)
        {
            throw root.ErrorAt("ops", e.Message, "rename the op or fix its 'inputs'");
        }
    }

    private static Op ReadOp(YamlMap op)
    {
        var kind = op.RequireString("kind");
        return kind switch
        {
            "gemm" => ReadGemm(op),
            "conv2d" => ReadConv(op),
            ConvTranspose2d.KindName => ReadConvTranspose(op),
            AttentionLayer.KindName => ReadAttention(op),
            VectorOp.KindName => ReadVector(op),
            OpaqueOp.KindName => ReadOpaque(op),
            _ => throw op.ErrorAt("kind", $"unknown op kind '{kind}'", "use gemm, conv2d, conv_transpose2d, attention, vector or opaque"),
        };
    }

    private static Gemm ReadGemm(YamlMap op)
    {
        op.AllowOnly("name", "kind", "m", "n", "k", "batch", "inputs");
        return new Gemm(op.RequireString("name"), op.RequireLong("m", 1), op.RequireLong("n", 1), op.RequireLong("k", 1),
            op.OptionalStringList("inputs"))
        { Batch = op.OptionalLong("batch", 1, 1) };
    }

    /// <summary>
    /// <c>{kind: attention, batch: 1, heads: 12, kv_heads: 12, seq_q: 512, seq_kv: 512, head_dim: 64, causal: false,
    /// lowering: fused}</c>; batch 1, kv_heads = heads, causal false and lowering fused by default.
    /// </summary>
    private static AttentionLayer ReadAttention(YamlMap op)
    {
        op.AllowOnly("name", "kind", "batch", "heads", "kv_heads", "seq_q", "seq_kv", "head_dim", "causal", "lowering", "inputs");
        var name = op.RequireString("name");
        var heads = op.RequireLong("heads", 1);
        var causalText = op.OptionalString("causal") ?? "false";
        if (causalText is not ("true" or "false"))
            throw op.ErrorAt("causal", $"'{causalText}' is not true or false", "write causal: true or causal: false");
        var loweringText = op.OptionalString("lowering") ?? "fused";
        if (!AttentionLoweringNames.TryParse(loweringText, out var lowering))
            throw op.ErrorAt("lowering", $"unknown lowering '{loweringText}'", "use unfused, two-pass or fused");
        var shape = new Attention(name, op.OptionalLong("batch", 1, 1), heads, op.OptionalLong("kv_heads", heads, 1),
            op.RequireLong("seq_q", 1), op.RequireLong("seq_kv", 1), op.RequireLong("head_dim", 1), causalText == "true");
        string? problem;
        try
        {
            problem = shape.Problem();
            // Every count the models derive: MACs, Q/K/V/O elements, and the dense score matrix in bytes.
            _ = checked(shape.Macs + shape.QElements + shape.KvElements + (shape.Batch * shape.Heads * shape.SeqQ * shape.SeqKv * 8));
        }
        catch (OverflowException)
        {
            throw op.ErrorAt("seq_kv", "batch·heads·seq_q·seq_kv (the score matrix) or the MAC count overflows 64-bit arithmetic",
                "check batch, heads, seq_q, seq_kv and head_dim, or split the op");
        }

        if (problem is not null)
        {
            // Problem() reads "field: problem. Fix: fix"; anything else is reported whole, on the op.
            var colon = problem.IndexOf(": ", StringComparison.Ordinal);
            var fix = problem.IndexOf(". Fix: ", StringComparison.Ordinal);
            if (colon <= 0 || fix < colon)
                throw op.ErrorAt("kind", problem, "check the attention fields");
            throw op.ErrorAt(problem[..colon], problem[(colon + 2)..fix], problem[(fix + ". Fix: ".Length)..]);
        }

        return new AttentionLayer(name, shape, lowering, op.OptionalStringList("inputs"));
    }

    /// <summary>
    /// <c>{kind: conv2d, ifmap_h, ifmap_w, filter_h, filter_w, channels, filters, stride: 1, padding: 0, batch: 1}</c>, and
    /// for general convolutions <c>stride_w</c> (default stride), <c>pads: [top, left, bottom, right]</c> (instead of
    /// padding), <c>dilation: [h, w]</c> and <c>groups</c>.
    /// </summary>
    private static Conv2d ReadConv(YamlMap op)
    {
        op.AllowOnly("name", "kind", "ifmap_h", "ifmap_w", "filter_h", "filter_w", "channels", "filters", "stride", "stride_w", "padding", "pads",
            "dilation", "groups", "batch", "inputs");
        if (op.Has("padding") && op.Has("pads"))
            throw op.ErrorAt("pads", "both padding and pads are given", "keep one: padding for all four sides, or pads: [top, left, bottom, right]");
        var stride = op.OptionalLong("stride", 1, 1);
        var padding = op.OptionalLong("padding", 0, 0);
        var dilation = op.Has("dilation") ? LongList(op, "dilation", 2, 1) : [1, 1];
        var (h, w, fh, fw, channels, filters) = Window(op);
        var conv = new Conv2d(
            op.RequireString("name"), h, w, fh, fw, channels, filters,
            stride,
            padding,
            op.OptionalLong("batch", 1, 1),
            op.OptionalStringList("inputs"))
        {
            StrideW = op.OptionalLong("stride_w", stride, 1),
            Pads = op.Has("pads") ? Pads(op) : ConvPads.Uniform(padding),
            DilationH = dilation[0],
            DilationW = dilation[1],
            Groups = op.OptionalLong("groups", 1, 1),
        };
        CheckProblem(op, conv.Problem, conv.Groups != 1 ? "groups" : "filter_h");
        CheckFits(op, conv, "ifmap_h");
        return conv;
    }

    /// <summary>
    /// <c>{kind: conv_transpose2d, ifmap_h, ifmap_w, filter_h, filter_w, channels, filters, stride: 1, stride_w, pads: [t, l, b, r],
    /// output_padding: [h, w], dilation: [h, w], groups: 1, batch: 1}</c> (ONNX ConvTranspose's attributes).
    /// </summary>
    private static ConvTranspose2d ReadConvTranspose(YamlMap op)
    {
        op.AllowOnly("name", "kind", "ifmap_h", "ifmap_w", "filter_h", "filter_w", "channels", "filters", "stride", "stride_w", "pads",
            "output_padding", "dilation", "groups", "batch", "inputs");
        var stride = op.OptionalLong("stride", 1, 1);
        var dilation = op.Has("dilation") ? LongList(op, "dilation", 2, 1) : [1, 1];
        var outputPadding = op.Has("output_padding") ? LongList(op, "output_padding", 2, 0) : [0, 0];
        var (h, w, fh, fw, channels, filters) = Window(op);
        var conv = new ConvTranspose2d(
            op.RequireString("name"), h, w, fh, fw, channels, filters,
            stride,
            op.OptionalLong("stride_w", stride, 1),
            op.Has("pads") ? Pads(op) : default,
            op.OptionalLong("batch", 1, 1),
            op.OptionalStringList("inputs"))
        {
            DilationH = dilation[0],
            DilationW = dilation[1],
            OutputPaddingH = outputPadding[0],
            OutputPaddingW = outputPadding[1],
            Groups = op.OptionalLong("groups", 1, 1),
        };
        CheckProblem(op, conv.Problem, "pads");
        CheckFits(op, conv, "ifmap_h");
        return conv;
    }

    /// <summary>The sizes every convolution kind has: input h, w, filter h, w, channels, filters (all ≥ 1).</summary>
    private static (long H, long W, long FilterH, long FilterW, long Channels, long Filters) Window(YamlMap op) =>
        (op.RequireLong("ifmap_h", 1), op.RequireLong("ifmap_w", 1), op.RequireLong("filter_h", 1), op.RequireLong("filter_w", 1),
            op.RequireLong("channels", 1), op.RequireLong("filters", 1));

    private static ConvPads Pads(YamlMap op)
    {
        var p = LongList(op, "pads", 4, 0);
        return new ConvPads(p[0], p[1], p[2], p[3]);
    }

    /// <summary>A list of exactly <paramref name="count"/> integers ≥ <paramref name="min"/>.</summary>
    private static long[] LongList(YamlMap op, string key, int count, long min)
    {
        var items = op.RequireScalarList(key);
        if (items.Count != count)
            throw op.ErrorAt(key, $"expected {count} values, found {items.Count}", $"write {count} integers, e.g. [{string.Join(", ", Enumerable.Repeat(Math.Max(min, 1), count))}]");
        return [.. items.Select(item => long.TryParse(item.Text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var v) && v >= min
            ? v
            : throw op.ErrorAt(key, $"'{item.Text}' (line {item.Line}) is not an integer ≥ {min}", $"write whole numbers ≥ {min}"))];
    }

    /// <summary>An op's shape problem, reported on <paramref name="field"/> of its mapping.</summary>
    private static void CheckProblem(YamlMap op, Func<string?> problem, string field)
    {
        string? text;
        try
        {
            text = problem();
        }
        catch (OverflowException)
        {
            text = "the sizes overflow 64-bit arithmetic";
        }

        if (text is not null)
            throw op.ErrorAt(field, text, "check the op's sizes, strides, pads, dilation and groups");
    }

    /// <summary>Every count the models derive is a 64-bit integer: reject an op whose MACs (in either conv convention) overflow.</summary>
    private static void CheckFits(YamlMap op, GemmOp gemm, string field)
    {
        try
        {
            _ = checked(gemm.ToGemm(Hardware.SimMode.ScaleSim).Macs * gemm.Instances);
            _ = gemm.Macs;
        }
        catch (OverflowException)
        {
            throw op.ErrorAt(field, "the sizes overflow 64-bit arithmetic (more than 2^63 MACs)", "check the sizes, or split the op");
        }
    }
}
