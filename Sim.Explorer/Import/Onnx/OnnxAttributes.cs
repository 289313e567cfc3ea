using Sim.Core.Config;

namespace Sim.Explorer.Import.Onnx;

/// <summary>
/// A node's attributes with typed getters. Each getter takes the ONNX spec's default (the caller knows the op); a missing
/// required attribute or one of the wrong kind is a <see cref="SimInputException"/> naming the file, node and attribute.
/// </summary>
public sealed class OnnxAttributes
{
    private readonly Dictionary<string, OnnxAttributeEntry> _byName;

    public OnnxAttributes(string file, string nodeLabel, IEnumerable<OnnxAttributeEntry> attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        File = file;
        NodeLabel = nodeLabel;
        _byName = new Dictionary<string, OnnxAttributeEntry>(StringComparer.Ordinal);
        foreach (var attribute in attributes)
        {
            if (!_byName.TryAdd(attribute.Name, attribute))
                throw Error(attribute.Name, "is given twice", "remove the duplicate attribute (the model is malformed)");
        }
    }

    public string File { get; }

    /// <summary>"node 'name' (OpType)".</summary>
    public string NodeLabel { get; }

    public IReadOnlyCollection<OnnxAttributeEntry> All => _byName.Values;

    public bool Has(string name) => _byName.ContainsKey(name);

    public OnnxAttributeEntry? Find(string name) => _byName.GetValueOrDefault(name);

    public long Int(string name, long defaultValue) => _byName.ContainsKey(name) ? Int(name) : defaultValue;

    public long Int(string name) => Get(name, OnnxAttributeKind.Int).Int;

    public double Float(string name, double defaultValue) => _byName.ContainsKey(name) ? Get(name, OnnxAttributeKind.Float).Float : defaultValue;

    public string String(string name, string defaultValue) => _byName.ContainsKey(name) ? Get(name, OnnxAttributeKind.String).String : defaultValue;

    /// <summary>The ints, or <paramref name="defaultValue"/> (null: "not given") when absent.</summary>
    public IReadOnlyList<long>? Ints(string name, IReadOnlyList<long>? defaultValue = null) =>
        _byName.ContainsKey(name) ? Get(name, OnnxAttributeKind.Ints).Ints : defaultValue;

    public IReadOnlyList<double>? Floats(string name, IReadOnlyList<double>? defaultValue = null) =>
        _byName.ContainsKey(name) ? Get(name, OnnxAttributeKind.Floats).Floats : defaultValue;

    public OnnxTensor? Tensor(string name) => _byName.ContainsKey(name) ? Get(name, OnnxAttributeKind.Tensor).Tensor : null;

    /// <summary>A SimInputException "file: node 'n' (Op): attribute 'a' problem. Fix: fix".</summary>
    public SimInputException Error(string attribute, string problem, string fix) =>
        new($"{File}: {NodeLabel}: attribute '{attribute}' {problem}. Fix: {fix}");

    private OnnxAttributeEntry Get(string name, OnnxAttributeKind kind)
    {
        if (!_byName.TryGetValue(name, out var attribute))
            throw Error(name, "is required but missing", $"add the '{name}' attribute (the model is malformed)");
        if (attribute.Kind != kind)
            throw Error(name, $"is {attribute.Kind.ToString().ToUpperInvariant()}, expected {kind.ToString().ToUpperInvariant()}", "re-export the model with a valid attribute");
        return attribute;
    }
}
