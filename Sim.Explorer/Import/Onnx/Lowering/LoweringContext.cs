using Sim.Core.Config;
using Sim.Core.Workloads;

namespace Sim.Explorer.Import.Onnx.Lowering;

/// <summary>
/// The state of one lowering walk: which workload op (or graph input) produces each activation tensor, the ops and
/// report entries so far, and the op names in use. Views alias their output to their input's producer; tensors of
/// unknown shape stay activations (their producer is an opaque op).
/// </summary>
internal sealed class LoweringContext
{
    private readonly Dictionary<string, string> _producer = new(StringComparer.Ordinal);
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    public LoweringContext(InferredGraph graph)
    {
        Graph = graph;
        foreach (var input in graph.Inputs)
        {
            _producer[input] = input;
            _names.Add(input);
        }
    }

    public InferredGraph Graph { get; }

    public string File => Graph.Model.File;

    public List<Op> Ops { get; } = [];

    public List<ImportedNode> Report { get; } = [];

    public List<string> Warnings { get; } = [];

    /// <summary>Activation tensors whose producer is an opaque op (or unknown): consumers cannot be costed either.</summary>
    public HashSet<string> UnknownTensors { get; } = new(StringComparer.Ordinal);

    /// <summary>True for a run-time tensor (a graph input or computed from one); false for weights and constants.</summary>
    public bool IsActivation(string tensor) =>
        tensor.Length > 0 && !PreparedWeights.Contains(tensor) && (_producer.ContainsKey(tensor) || !Graph.Tensors.TryGetValue(tensor, out var info)
            || info.Role is TensorRole.Activation or TensorRole.GraphInput);

    /// <summary>Outputs of nodes that read only weights and constants (weight preparation): weights to their consumers.</summary>
    public HashSet<string> PreparedWeights { get; } = new(StringComparer.Ordinal);

    public TensorInfo? Info(string tensor) => Graph.Tensors.GetValueOrDefault(tensor);

    /// <summary>The shape of an input the lowering needs; a SimInputException naming the node when it is unknown.</summary>
    public IReadOnlyList<long> Shape(InferredNode node, string tensor) => Info(tensor)?.Shape
        ?? throw new SimInputException($"{File}: {node.Label}: the shape of '{tensor}' is unknown. Fix: give every graph input's shape with --input-shape");

    /// <summary>Producers of the node's activation inputs, each once, in input order (the op's DAG inputs).</summary>
    public IReadOnlyList<string> Producers(InferredNode node, IEnumerable<string>? tensors = null) =>
        [.. (tensors ?? node.Inputs).Where(IsActivation).Select(t => _producer.TryGetValue(t, out var p) ? p : t).Distinct(StringComparer.Ordinal)];

    public string? ProducerOf(string tensor) => _producer.GetValueOrDefault(tensor);

    /// <summary>Adds an op lowered from <paramref name="node"/> and points the node's outputs at it.</summary>
    public void Add(InferredNode node, Op op, string loweredAs, string? note = null, NodeOutcome outcome = NodeOutcome.Lowered)
    {
        Ops.Add(op);
        foreach (var output in node.Outputs.Where(o => o.Length > 0))
            _producer[output] = op.Name;
        Report.Add(new ImportedNode(node.Index, node.Name, node.OpType, outcome, op.Name, loweredAs, OutputShape(node), op.Macs, note));
    }

    /// <summary>Points the node's outputs at the producer of <paramref name="source"/> (a view, or a fused pattern's end).</summary>
    public void Alias(InferredNode node, string source)
    {
        var producer = _producer.TryGetValue(source, out var p) ? p : source;
        foreach (var output in node.Outputs.Where(o => o.Length > 0))
            _producer[output] = producer;
        if (UnknownTensors.Contains(source))
            UnknownTensors.UnionWith(node.Outputs);
    }

    public void Record(InferredNode node, NodeOutcome outcome, string loweredAs, string? opName = null, string? note = null, long macs = 0) =>
        Report.Add(new ImportedNode(node.Index, node.Name, node.OpType, outcome, opName, loweredAs, OutputShape(node), macs, note));

    /// <summary>A workload op name for the node: its ONNX name unless a graph input already uses it.</summary>
    public string NameFor(InferredNode node)
    {
        var name = node.Name;
        for (var i = 2; !_names.Add(name); i++)
            name = $"{node.Name}#{i}";
        return name;
    }

    public IReadOnlyList<long>? OutputShape(InferredNode node) =>
        node.Outputs.Count > 0 && Info(node.Outputs[0]) is { } info ? info.Shape : null;
}
