using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Sim.Core.Config;

/// <summary>
/// A strict, position-aware view of one YAML mapping. Every accessor names the file, line and dotted field
/// path in its error, so a config mistake reads like a compiler error. Unknown keys are rejected
/// (<see cref="AllowOnly"/>) with the nearest known key suggested.
/// </summary>
public sealed class YamlMap
{
    private readonly YamlMappingNode _node;

    private YamlMap(string file, string path, YamlMappingNode node)
    {
        File = file;
        Path = path;
        _node = node;
    }

    public string File { get; }

    /// <summary>Dotted path of this mapping inside the document ("" for the root).</summary>
    public string Path { get; }

    public long Line => _node.Start.Line;

    public long Column => _node.Start.Column;

    public IEnumerable<string> Keys => _node.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? "");

    public static YamlMap Parse(string file, string text)
    {
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

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw SimInputException.At(file, 1, 1, "", "the document is empty or not a mapping", "start the file with 'name: ...'");
        if (stream.Documents.Count > 1)
        {
            var second = stream.Documents[1].RootNode.Start;
            throw SimInputException.At(file, second.Line, second.Column, "", "the file holds more than one YAML document ('---')",
                "keep one document per file");
        }
        return new YamlMap(file, "", root);
    }

    public static YamlMap Load(string file)
    {
        if (!System.IO.File.Exists(file))
            throw new SimInputException($"{file}: file not found. Fix: check the path (relative paths are resolved from the current directory)");
        return Parse(file, System.IO.File.ReadAllText(file));
    }

    public string FieldPath(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    public bool Has(string key) => Find(key) is not null;

    /// <summary>Rejects any key not in <paramref name="known"/>; silently ignoring a typo is how sweeps go wrong.</summary>
    public YamlMap AllowOnly(params string[] known)
    {
        foreach (var (keyNode, _) in _node.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (Array.IndexOf(known, key) >= 0)
                continue;
            var hint = NearestName.Hint(key, known);
            throw SimInputException.At(File, keyNode.Start.Line, keyNode.Start.Column, FieldPath(key), "unknown key",
                $"{hint}known keys here: {string.Join(", ", known)}");
        }

        return this;
    }

    public string RequireString(string key) => ScalarText(RequireNode(key), key);

    public string? OptionalString(string key) => Find(key) is { } node ? ScalarText(node, key) : null;

    public long RequireLong(string key, long min = long.MinValue, long max = long.MaxValue) => ParseLong(RequireNode(key), key, min, max);

    public long OptionalLong(string key, long defaultValue, long min = long.MinValue, long max = long.MaxValue) =>
        Find(key) is { } node ? ParseLong(node, key, min, max) : defaultValue;

    public double RequireDouble(string key, double minExclusive = double.NegativeInfinity) =>
        ParseDouble(RequireNode(key), key, minExclusive);

    public double OptionalDouble(string key, double defaultValue, double minExclusive = double.NegativeInfinity) =>
        Find(key) is { } node ? ParseDouble(node, key, minExclusive) : defaultValue;

    public YamlMap RequireMap(string key)
    {
        var node = RequireNode(key);
        return node is YamlMappingNode map
            ? new YamlMap(File, FieldPath(key), map)
            : throw Error(node, key, "expected a mapping (indented 'key: value' lines)", "indent the fields under it");
    }

    public IReadOnlyList<YamlMap> RequireMapList(string key)
    {
        var node = RequireNode(key);
        if (node is not YamlSequenceNode seq || seq.Children.Count == 0)
            throw Error(node, key, "expected a non-empty list", "write one '- ...' item per line");
        return seq.Children.Select((item, i) => item is YamlMappingNode m
                ? new YamlMap(File, $"{FieldPath(key)}[{i}]", m)
                : throw Error(item, $"{key}[{i}]", "expected a mapping", "write the item as 'key: value' pairs"))
            .ToList();
    }

    /// <summary>A list of scalars; a single scalar is accepted as a one-element list.</summary>
    public IReadOnlyList<(string Text, long Line, long Column)> RequireScalarList(string key)
    {
        var node = RequireNode(key);
        return node switch
        {
            YamlScalarNode s => [(s.Value ?? "", s.Start.Line, s.Start.Column)],
            YamlSequenceNode seq when seq.Children.Count > 0 => seq.Children
                .Select((c, i) => c is YamlScalarNode s
                    ? (s.Value ?? "", s.Start.Line, s.Start.Column)
                    : throw Error(c, $"{key}[{i}]", "expected a scalar value", "write a plain value such as 32"))
                .ToList(),
            _ => throw Error(node, key, "expected a value or a non-empty list", "write e.g. [8, 16, 32]"),
        };
    }

    /// <summary>A list whose items are plain values or mappings (e.g. <c>workloads: [a.yaml, {path: m.onnx, input_shape: x=1x3x8x8}]</c>);
    /// a single value or mapping is a one-item list.</summary>
    public IReadOnlyList<(string? Text, YamlMap? Map)> RequireValueOrMapList(string key)
    {
        var node = RequireNode(key);
        IEnumerable<YamlNode> items = node is YamlSequenceNode seq ? seq.Children : [node];
        var list = items.Select((item, i) => item switch
        {
            YamlScalarNode s => ((string?)(s.Value ?? ""), (YamlMap?)null),
            YamlMappingNode m => (null, new YamlMap(File, $"{FieldPath(key)}[{i}]", m)),
            _ => throw Error(item, $"{key}[{i}]", "expected a value or a mapping", "write a path, or a mapping such as {path: model.onnx}"),
        }).ToList();
        return list.Count > 0 ? list : throw Error(node, key, "expected a non-empty list", "list at least one item");
    }

    /// <summary>Whether <paramref name="key"/> is present and its value is a mapping (an axis range rather than a list).</summary>
    public bool HasMap(string key) => Find(key) is YamlMappingNode;

    /// <summary>Like <see cref="RequireValueOrMapList"/>, with each item's position, so an error can point at the item
    /// (e.g. one bad name in <c>objectives: [latency_cycles, lantency]</c>). An empty list is returned as such.</summary>
    public IReadOnlyList<(string? Text, YamlMap? Map, long Line, long Column)> RequirePositionedItems(string key)
    {
        var node = RequireNode(key);
        IEnumerable<YamlNode> items = node is YamlSequenceNode seq ? seq.Children : [node];
        return items.Select((item, i) => item switch
        {
            YamlScalarNode s => ((string?)(s.Value ?? ""), (YamlMap?)null, s.Start.Line, s.Start.Column),
            YamlMappingNode m => (null, new YamlMap(File, $"{FieldPath(key)}[{i}]", m), m.Start.Line, m.Start.Column),
            _ => throw Error(item, $"{key}[{i}]", "expected a value or a mapping", "write a name, or a mapping such as {metric: energy_pj, goal: min}"),
        }).ToList();
    }

    public IReadOnlyList<string> OptionalStringList(string key) =>
        Has(key) ? RequireScalarList(key).Select(s => s.Text).ToList() : [];

    /// <summary>An error located at <paramref name="key"/>'s value (or at this mapping when the key is absent).</summary>
    public SimInputException ErrorAt(string key, string problem, string fix) =>
        Find(key) is { } node ? Error(node, key, problem, fix) : SimInputException.At(File, _node.Start.Line, _node.Start.Column, FieldPath(key), problem, fix);

    private YamlNode? Find(string key) =>
        _node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private YamlNode RequireNode(string key) =>
        Find(key) ?? throw SimInputException.At(File, _node.Start.Line, _node.Start.Column, FieldPath(key),
            "required field is missing", $"add '{key}: ...' to the mapping that starts on line {_node.Start.Line}");

    private string ScalarText(YamlNode node, string key) => node is YamlScalarNode { Value: { } v }
        ? v
        : throw Error(node, key, "expected a single value", "write a plain value, not a list or mapping");

    private long ParseLong(YamlNode node, string key, long min, long max)
    {
        var text = ScalarText(node, key);
        if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            throw Error(node, key, $"'{text}' is not an integer", "write a whole number such as 32");
        if (value < min)
            throw Error(node, key, $"{value} is below the minimum {min}", $"use a value ≥ {min}");
        if (value > max)
            throw Error(node, key, $"{value} is above the maximum {max}", $"use a value ≤ {max}");
        return value;
    }

    private double ParseDouble(YamlNode node, string key, double minExclusive)
    {
        var text = ScalarText(node, key);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            throw Error(node, key, $"'{text}' is not a number", "write a number such as 16 or 0.5");
        if (value <= minExclusive)
            throw Error(node, key, $"{text} must be greater than {minExclusive.ToString(CultureInfo.InvariantCulture)}", "use a positive value");
        return value;
    }

    private SimInputException Error(YamlNode node, string key, string problem, string fix) =>
        SimInputException.At(File, node.Start.Line, node.Start.Column, FieldPath(key), problem, fix);
}
