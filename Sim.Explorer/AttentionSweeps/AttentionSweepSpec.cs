using System.Globalization;
using Sim.Arch.Attention;
using Sim.Core.Config;
using Sim.Core.Hardware;
using Sim.Core.Workloads;
using Sim.Explorer.Inputs;
using AttentionOp = Sim.Core.Workloads.Attention;

namespace Sim.Explorer.AttentionSweeps;

/// <summary>An attention shape whose sequence length the sweep sets: prefill (SeqQ = SeqKv = seq) or decode (SeqQ = 1, SeqKv = seq).</summary>
public sealed record AttentionShape(string Name, long Batch, long Heads, long KvHeads, long HeadDim, bool Causal, bool Decode)
{
    public string Phase => Decode ? "decode" : "prefill";

    public AttentionOp At(long seq) => new(Name, Batch, Heads, KvHeads, Decode ? 1 : seq, seq, HeadDim, Causal);
}

/// <summary>
/// An attention sweep: one arch, shapes × sequence lengths × lowerings. YAML:
/// <code>
/// attention:
///   name: attention-seq
///   description: "..."
///   base: { ...an arch, with an optional vector: section... }
///   shapes:
///     - {name: bert, batch: 1, heads: 12, kv_heads: 12, head_dim: 64, causal: false, phase: prefill}
///   seq: [512, 1024, ...]
///   lowerings: [unfused, two-pass, fused]   # optional, default all three
///   fused_block: auto                        # optional: auto (default) or fa1
/// </code>
/// </summary>
public sealed record AttentionSweepSpec(
    string Name, string Description, ArchSpec Arch, IReadOnlyList<AttentionShape> Shapes, IReadOnlyList<long> Seqs, IReadOnlyList<AttentionLowering> Lowerings)
{
    /// <summary>How the fused lowering picks its block (<c>fused_block: auto | fa1</c>, default auto).</summary>
    public FusedBlockPolicy FusedBlock { get; init; } = FusedBlockPolicy.Auto;

    public const string Key = "attention";

    public int PointCount => Shapes.Count * Seqs.Count * Lowerings.Count;

    public static AttentionSweepSpec Read(InputFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var root = YamlMap.Parse(file.DisplayPath, file.Text).AllowOnly(Key);
        var spec = root.RequireMap(Key).AllowOnly("name", "description", "base", "shapes", "seq", "lowerings", "fused_block");
        var name = spec.RequireString("name");
        if (name.Length == 0 || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || name.Contains(' ', StringComparison.Ordinal))
            throw spec.ErrorAt("name", $"'{name}' cannot be used as a folder name", "use letters, digits, '-' and '_'");
        var arch = ArchYaml.FromMap(spec.RequireMap("base"));
        var seqs = spec.RequireScalarList("seq").Select((s, i) => Seq(file, s, i)).ToList();
        if (seqs.Distinct().Count() != seqs.Count)
            throw spec.ErrorAt("seq", "a sequence length is listed twice", "list each length once");
        var shapes = spec.RequireMapList("shapes").Select(m => Shape(m, seqs.Max())).ToList();
        var duplicate = shapes.GroupBy(s => s.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw spec.ErrorAt("shapes", $"two shapes are named '{duplicate.Key}'", "give every shape its own name");
        var lowerings = spec.Has("lowerings")
            ? spec.RequireScalarList("lowerings").Select((l, i) => AttentionLoweringNames.TryParse(l.Text, out var lowering)
                ? lowering
                : throw SimInputException.At(file.DisplayPath, l.Line, l.Column, $"{Key}.lowerings[{i}]", $"unknown lowering '{l.Text}'", "use unfused, two-pass or fused")).Distinct().ToList()
            : [.. AttentionLoweringNames.All];
        var blockText = spec.OptionalString("fused_block") ?? "auto";
        if (!FusedBlockPolicyNames.TryParse(blockText, out var blockPolicy))
            throw spec.ErrorAt("fused_block", $"unknown block policy '{blockText}'", "use auto (the lowest energy-delay-product block that fits) or fa1 (FlashAttention-1's rule)");
        return new AttentionSweepSpec(name, spec.OptionalString("description") ?? "", arch, shapes, seqs, lowerings) { FusedBlock = blockPolicy };
    }

    private static long Seq(InputFile file, (string Text, long Line, long Column) item, int index) =>
        long.TryParse(item.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var seq) && seq is > 0 and <= 1L << 24
            ? seq
            : throw SimInputException.At(file.DisplayPath, item.Line, item.Column, $"{Key}.seq[{index}]", $"'{item.Text}' is not a sequence length",
                "write a whole number from 1 to 16777216, e.g. 4096");

    private static AttentionShape Shape(YamlMap map, long maxSeq)
    {
        map.AllowOnly("name", "batch", "heads", "kv_heads", "head_dim", "causal", "phase");
        var heads = map.RequireLong("heads", 1, 1 << 16);
        var phase = map.OptionalString("phase") ?? "prefill";
        if (phase is not ("prefill" or "decode"))
            throw map.ErrorAt("phase", $"unknown phase '{phase}'", "use prefill (seq_q = seq_kv = seq) or decode (seq_q = 1)");
        var causalText = map.OptionalString("causal") ?? "false";
        if (causalText is not ("true" or "false"))
            throw map.ErrorAt("causal", $"'{causalText}' is not true or false", "write causal: true or causal: false");
        var shape = new AttentionShape(
            map.RequireString("name"),
            map.RequireLong("batch", 1, 1 << 16),
            heads,
            map.OptionalLong("kv_heads", heads, 1, 1 << 16),
            map.RequireLong("head_dim", 1, 1 << 14),
            causalText == "true",
            phase == "decode");
        if (shape.At(maxSeq).Problem() is { } problem)
        {
            // Problem() reads "field: what. Fix: how"; locate it at this shape's mapping.
            var cut = problem.IndexOf(": ", StringComparison.Ordinal);
            throw new SimInputException($"{map.File}:{map.Line}:{map.Column}: field '{map.FieldPath(problem[..cut])}': {problem[(cut + 2)..]}");
        }

        return shape;
    }
}
