using System.Globalization;
using System.Text;
using Sim.Core.Workloads;

namespace Sim.Core.Config;

/// <summary>
/// Writes a <see cref="Workload"/> as the YAML <see cref="WorkloadYaml"/> reads, deterministically (ops in the
/// workload's topological order, fixed key order, invariant culture, fields at their defaults omitted), one op per
/// flow mapping so a 300-op network stays readable:
/// <code>
/// name: resnet-tiny
/// ops:
///   - {name: c1, kind: conv2d, ifmap_h: 32, ifmap_w: 32, filter_h: 3, filter_w: 3, channels: 3, filters: 16, stride: 2, padding: 1}
///   - {name: r1, kind: vector, function: relu, shape: [1, 16, 16, 16], inputs: [c1]}
/// </code>
/// </summary>
public static class WorkloadYamlWriter
{
    /// <param name="header">Comment lines written first (without the leading '#').</param>
    public static string Write(Workload workload, IEnumerable<string>? header = null)
    {
        ArgumentNullException.ThrowIfNull(workload);
        var text = new StringBuilder();
        foreach (var line in header ?? [])
            text.Append("# ").Append(line).Append('\n');
        text.Append("name: ").Append(Scalar(workload.Name)).Append('\n');
        text.Append("ops:\n");
        foreach (var op in workload.Ops)
            text.Append("  - {").Append(string.Join(", ", Fields(op).Select(f => $"{f.Key}: {f.Value}"))).Append("}\n");
        return text.ToString();
    }

    private static IEnumerable<KeyValuePair<string, string>> Fields(Op op)
    {
        yield return new("name", Scalar(op.Name));
        yield return new("kind", op.Kind);
        var fields = op switch
        {
            Gemm g => GemmFields(g),
            Conv2d c => ConvFields(c),
            ConvTranspose2d t => ConvTransposeFields(t),
            AttentionLayer a => AttentionFields(a),
            VectorOp v => VectorFields(v),
            OpaqueOp o => OpaqueFields(o),
            _ => throw new ArgumentException($"op '{op.Name}' of kind '{op.Kind}' has no YAML form", nameof(op)),
        };
        foreach (var field in fields)
            yield return field;
        if (op.Inputs.Count > 0)
            yield return new("inputs", List(op.Inputs.Select(Scalar)));
    }

    private static IEnumerable<KeyValuePair<string, string>> GemmFields(Gemm g)
    {
        yield return Field("m", g.M);
        yield return Field("n", g.N);
        yield return Field("k", g.K);
        if (g.Batch != 1)
            yield return Field("batch", g.Batch);
    }

    private static IEnumerable<KeyValuePair<string, string>> ConvFields(Conv2d c)
    {
        foreach (var f in Window(c.IfmapH, c.IfmapW, c.FilterH, c.FilterW, c.Channels, c.Filters))
            yield return f;
        yield return Field("stride", c.Stride);
        if (c.StrideW != c.Stride)
            yield return Field("stride_w", c.StrideW);
        if (c.Pads.IsUniform)
            yield return Field("padding", c.Pads.Top);
        else
            yield return new("pads", List([c.Pads.Top, c.Pads.Left, c.Pads.Bottom, c.Pads.Right]));
        if (c.DilationH != 1 || c.DilationW != 1)
            yield return new("dilation", List([c.DilationH, c.DilationW]));
        if (c.Groups != 1)
            yield return Field("groups", c.Groups);
        if (c.Batch != 1)
            yield return Field("batch", c.Batch);
    }

    private static IEnumerable<KeyValuePair<string, string>> ConvTransposeFields(ConvTranspose2d t)
    {
        foreach (var f in Window(t.IfmapH, t.IfmapW, t.FilterH, t.FilterW, t.Channels, t.Filters))
            yield return f;
        yield return Field("stride", t.StrideH);
        if (t.StrideW != t.StrideH)
            yield return Field("stride_w", t.StrideW);
        yield return new("pads", List([t.Pads.Top, t.Pads.Left, t.Pads.Bottom, t.Pads.Right]));
        if (t.OutputPaddingH != 0 || t.OutputPaddingW != 0)
            yield return new("output_padding", List([t.OutputPaddingH, t.OutputPaddingW]));
        if (t.DilationH != 1 || t.DilationW != 1)
            yield return new("dilation", List([t.DilationH, t.DilationW]));
        if (t.Groups != 1)
            yield return Field("groups", t.Groups);
        if (t.Batch != 1)
            yield return Field("batch", t.Batch);
    }

    private static IEnumerable<KeyValuePair<string, string>> Window(long h, long w, long fh, long fw, long channels, long filters)
    {
        yield return Field("ifmap_h", h);
        yield return Field("ifmap_w", w);
        yield return Field("filter_h", fh);
        yield return Field("filter_w", fw);
        yield return Field("channels", channels);
        yield return Field("filters", filters);
    }

    private static IEnumerable<KeyValuePair<string, string>> AttentionFields(AttentionLayer layer)
    {
        var a = layer.Shape;
        yield return Field("batch", a.Batch);
        yield return Field("heads", a.Heads);
        yield return Field("kv_heads", a.KvHeads);
        yield return Field("seq_q", a.SeqQ);
        yield return Field("seq_kv", a.SeqKv);
        yield return Field("head_dim", a.HeadDim);
        yield return new("causal", a.Causal ? "true" : "false");
        yield return new("lowering", layer.Lowering.ToName());
    }

    private static IEnumerable<KeyValuePair<string, string>> VectorFields(VectorOp v)
    {
        yield return new("function", v.Function);
        yield return new("shape", List(v.OutputShape));
        if (v.InputElements != v.OutputElements)
            yield return Field("input_elements", v.InputElements);
        if (v.Window != 1)
            yield return Field("window", v.Window);
        if (v.ParameterElements != 0)
            yield return Field("parameters", v.ParameterElements);
    }

    private static IEnumerable<KeyValuePair<string, string>> OpaqueFields(OpaqueOp o)
    {
        yield return new("operator", Scalar(o.Operator));
        if (o.OutputShape is { } shape)
            yield return new("shape", List(shape));
        yield return new("reason", Scalar(o.Reason));
    }

    private static KeyValuePair<string, string> Field(string key, long value) => new(key, value.ToString(CultureInfo.InvariantCulture));

    private static string List(IEnumerable<long> values) => List(values.Select(v => v.ToString(CultureInfo.InvariantCulture)));

    private static string List(IEnumerable<string> values) => $"[{string.Join(", ", values)}]";

    /// <summary>A plain scalar when YAML reads it back unchanged as a string, else a double-quoted one.</summary>
    private static string Scalar(string value)
    {
        var plain = value.Length > 0
            && value.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '_' || ch is '-' || ch is '.' || ch is '/')
            && !char.IsAsciiDigit(value[0]) && value[0] is not '-' and not '.'
            && value is not ("true" or "false" or "null" or "yes" or "no" or "on" or "off" or "y" or "n" or "~");
        return plain ? value : "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
    }
}
