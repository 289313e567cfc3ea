using Sim.Core.Workloads;

namespace Sim.Core.Config;

/// <summary>
/// Loads a <see cref="Workload"/> from YAML: <c>name:</c> and a list of <c>ops:</c>, each with a
/// <c>kind:</c> (gemm, conv2d, attention) and optional <c>inputs:</c> naming producer ops.
/// </summary>
public static class WorkloadYaml
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
            AttentionLayer.KindName => ReadAttention(op),
            _ => throw op.ErrorAt("kind", $"unknown op kind '{kind}'", "use gemm, conv2d or attention"),
        };
    }

    private static Gemm ReadGemm(YamlMap op)
    {
        op.AllowOnly("name", "kind", "m", "n", "k", "inputs");
        return new Gemm(op.RequireString("name"), op.RequireLong("m", 1), op.RequireLong("n", 1), op.RequireLong("k", 1),
            op.OptionalStringList("inputs"));
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

    private static Conv2d ReadConv(YamlMap op)
    {
        op.AllowOnly("name", "kind", "ifmap_h", "ifmap_w", "filter_h", "filter_w", "channels", "filters", "stride", "padding", "batch", "inputs");
        var conv = new Conv2d(
            op.RequireString("name"),
            op.RequireLong("ifmap_h", 1),
            op.RequireLong("ifmap_w", 1),
            op.RequireLong("filter_h", 1),
            op.RequireLong("filter_w", 1),
            op.RequireLong("channels", 1),
            op.RequireLong("filters", 1),
            op.OptionalLong("stride", 1, 1),
            op.OptionalLong("padding", 0, 0),
            op.OptionalLong("batch", 1, 1),
            op.OptionalStringList("inputs"));
        try
        {
            if (conv.FilterH > conv.PaddedH || conv.FilterW > conv.PaddedW)
                throw op.ErrorAt("filter_h", $"the {conv.FilterH}x{conv.FilterW} filter is larger than the padded {conv.PaddedH}x{conv.PaddedW} input",
                    "check ifmap_h/ifmap_w, filter_h/filter_w and padding");
            _ = conv.ToGemm(Hardware.SimMode.ScaleSim).Macs;
            _ = conv.ToGemm().Macs;
        }
        catch (OverflowException)
        {
            throw op.ErrorAt("ifmap_h", "the sizes overflow 64-bit arithmetic (more than 2^63 MACs)", "check the sizes, or split the op");
        }

        return conv;
    }
}
