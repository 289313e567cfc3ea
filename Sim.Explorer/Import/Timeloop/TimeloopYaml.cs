using System.Globalization;
using Sim.Core.Config;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Sim.Explorer.Import.Timeloop;

/// <summary>
/// One node of a Timeloop YAML file with its dotted field path, so that every error names file, line and field.
/// Timeloop's projections are nested lists, which the house <see cref="YamlMap"/> does not model; this is its
/// small list-aware counterpart for this one format.
/// </summary>
internal sealed class TimeloopYaml
{
    private TimeloopYaml(string file, string path, YamlNode node)
    {
        File = file;
        Path = path;
        Node = node;
    }

    public string File { get; }

    public string Path { get; }

    public YamlNode Node { get; }

    public long Line => Node.Start.Line;

    public static TimeloopYaml Parse(string file, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var template = text.IndexOf("{{", StringComparison.Ordinal) is var t and >= 0 ? t : text.IndexOf("{%", StringComparison.Ordinal);
        if (template >= 0)
        {
            var line = text.AsSpan(0, template).Count('\n') + 1;
            throw SimInputException.At(file, line, 1, "", "the file is a Jinja template (timeloopfe's '{{ ... }}' / '{% ... %}'), not plain Timeloop YAML",
                "render it first (e.g. with timeloopfe) and import the rendered problem YAML");
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw SimInputException.At(file, e.Start.Line, e.Start.Column, "", $"not valid YAML ({e.Message})",
                "check indentation and that every 'key: value' pair has a space after the colon");
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw SimInputException.At(file, 1, 1, "", "expected one YAML document whose top level is a mapping", "start the file with 'problem:'");
        return new TimeloopYaml(file, "", root);
    }

    public SimInputException Error(string problem, string fix) =>
        SimInputException.At(File, Node.Start.Line, Node.Start.Column, Path, problem, fix);

    /// <summary>An error at the line of <paramref name="key"/> itself (its value may start lines later, as a section does).</summary>
    public SimInputException KeyError(string key, string problem, string fix)
    {
        var node = AsMap().Children.Keys.FirstOrDefault(k => k is YamlScalarNode { Value: var v } && v == key) ?? Node;
        return SimInputException.At(File, node.Start.Line, node.Start.Column, FieldPath(key), problem, fix);
    }

    public string FieldPath(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    public IReadOnlyList<(string Key, TimeloopYaml Value)> Entries()
    {
        var map = AsMap();
        return map.Children.Select(p => (KeyText(p.Key), new TimeloopYaml(File, FieldPath(KeyText(p.Key)), p.Value))).ToList();
    }

    /// <summary>The value of the first of <paramref name="spellings"/> present (Timeloop accepts 'data_spaces' and 'data-spaces').</summary>
    public TimeloopYaml? Find(params string[] spellings)
    {
        var map = AsMap();
        foreach (var key in spellings)
        {
            if (map.Children.TryGetValue(new YamlScalarNode(key), out var value))
                return new TimeloopYaml(File, FieldPath(key), value);
        }

        return null;
    }

    public TimeloopYaml Require(string key, string fix) =>
        Find(key) ?? throw SimInputException.At(File, Node.Start.Line, Node.Start.Column, FieldPath(key), "required field is missing", fix);

    /// <summary>Rejects keys outside <paramref name="known"/>: a misspelt key silently ignored changes the problem.</summary>
    public void AllowOnly(IReadOnlyCollection<string> known, string context)
    {
        foreach (var (keyNode, _) in AsMap().Children)
        {
            var key = KeyText(keyNode);
            if (known.Contains(key))
                continue;
            var fix = key.StartsWith("<<", StringComparison.Ordinal)
                ? "YAML merge keys ('<<<' / '<<') are timeloopfe features; render the spec with timeloopfe first and import the result"
                : $"{context}; the keys allowed here are: {string.Join(", ", known)}";
            throw SimInputException.At(File, keyNode.Start.Line, keyNode.Start.Column, FieldPath(key), "unknown key", fix);
        }
    }

    public IReadOnlyList<TimeloopYaml> Items()
    {
        if (Node is not YamlSequenceNode seq)
            throw Error("expected a list", "write it as a YAML list ('- item' lines or [a, b])");
        return seq.Children.Select((c, i) => new TimeloopYaml(File, $"{Path}[{i}]", c)).ToList();
    }

    public bool IsList => Node is YamlSequenceNode;

    public bool IsMap => Node is YamlMappingNode;

    public string Text()
    {
        if (Node is not YamlScalarNode { Value: { } value })
            throw Error("expected a single value", "write a plain value, not a list or mapping");
        return value;
    }

    /// <summary>A size or coefficient: a whole number ≥ 1 (Timeloop's bounds and coefficients are positive integers).</summary>
    public long Positive()
    {
        var text = Text();
        if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            throw Error($"'{text}' is not an integer", "write a whole number such as 3");
        return value >= 1 ? value : throw Error($"{value} is not positive", "sizes, strides and dilations are whole numbers ≥ 1");
    }

    /// <summary>A padding: a whole number ≥ 0.</summary>
    public long NonNegative()
    {
        var text = Text();
        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? value
            : throw Error($"'{text}' is not a whole number ≥ 0", "write a padding such as 0 or 1");
    }

    private YamlMappingNode AsMap() => Node as YamlMappingNode
        ?? throw Error("expected a mapping (indented 'key: value' lines)", "indent the fields under it");

    private string KeyText(YamlNode key) => key is YamlScalarNode { Value: { } k }
        ? k
        : throw SimInputException.At(File, key.Start.Line, key.Start.Column, Path, "a key is not a plain name", "use plain names as keys");
}
