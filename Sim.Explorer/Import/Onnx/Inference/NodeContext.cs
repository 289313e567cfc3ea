using Sim.Core.Config;

namespace Sim.Explorer.Import.Onnx.Inference;

/// <summary>
/// What a shape rule sees of one node: its inputs' types, shapes and (small) constant values, its attributes and the
/// default-domain opset; and where it puts its outputs. Errors name the file and the node.
/// </summary>
internal sealed class NodeContext
{
    private readonly Func<string, KnownTensor> _lookup;
    private readonly Func<string, bool, ConstantValue?> _value;

    public NodeContext(string file, long opset, OnnxNode node, Func<string, KnownTensor> lookup, Func<string, bool, ConstantValue?> value)
    {
        File = file;
        Opset = opset;
        Node = node;
        _lookup = lookup;
        _value = value;
        Results = new KnownTensor?[node.Outputs.Count];
    }

    public string File { get; }

    /// <summary>The model's default-domain ("ai.onnx") opset version.</summary>
    public long Opset { get; }

    public OnnxNode Node { get; }

    public OnnxAttributes Attr => Node.Attributes;

    public KnownTensor?[] Results { get; }

    public int InputCount => Node.Inputs.Count;

    public int OutputCount => Node.Outputs.Count;

    /// <summary>Input <paramref name="i"/> is present (not beyond the list, not the "" of an omitted optional input).</summary>
    public bool Has(int i) => i < Node.Inputs.Count && Node.Inputs[i].Length > 0;

    public string InputName(int i) => Node.Inputs[i];

    public KnownTensor Input(int i) => Has(i)
        ? _lookup(Node.Inputs[i])
        : throw Fail($"input {i} is required but missing", "re-export the model (the node is malformed)");

    public long[] Shape(int i) => Input(i).Shape;

    public int Rank(int i) => Input(i).Shape.Length;

    public OnnxElementType Type(int i) => Input(i).Type;

    /// <summary>
    /// Input <paramref name="i"/>'s constant value for optional folding, or null when it is computed at run time, too large
    /// to hold, or in an external data file that cannot be read (only <see cref="RequireValue"/> reports that).
    /// </summary>
    public ConstantValue? Value(int i) => Has(i) ? _value(Node.Inputs[i], false) : null;

    /// <summary>
    /// The value of a parameter input the output shape depends on: a malformed node (SimInputException) when the input is
    /// absent; unknown-shape (not an error) when the input exists but is only known at run time.
    /// </summary>
    public ConstantValue RequireValue(int i, string role)
    {
        if (!Has(i))
            throw Fail($"input {i} ({role}) is required but missing", "re-export the model (the node is malformed)");
        return _value(Node.Inputs[i], true)
            ?? throw new ShapeUnknownException($"the output shape depends on the run-time value of input '{Node.Inputs[i]}' ({role})");
    }

    /// <summary>Sets output <paramref name="k"/> (ignored when the node omits that optional output); values above the cap are dropped.</summary>
    public void Output(int k, OnnxElementType type, long[] shape, ConstantValue? value = null)
    {
        if (k >= Node.Outputs.Count || Node.Outputs[k].Length == 0)
            return;
        foreach (var d in shape)
        {
            if (d < 0)
                throw Fail($"output {k} would have the negative dim {d} in {Shapes.Text(shape)}", "check the node's attributes and input shapes");
        }
        if (TensorDecoder.CountOverflows(shape))
            throw Fail($"output {k} {Shapes.Text(shape)} would hold more than 2^63 elements", "check the node's attributes and input shapes (or pass a smaller --input-shape)");
        if (value is not null && value.Count > ConstantValue.MaxElements)
            value = null;
        Results[k] = new KnownTensor(type, shape, value, null, Node.Name);
    }

    /// <summary>A SimInputException "file: node 'n' (Op): problem. Fix: fix".</summary>
    public SimInputException Fail(string problem, string fix) => new($"{File}: {Node.Label}: {problem}. Fix: {fix}");

    /// <summary>An axis in [-rank, rank) normalised to [0, rank); an error naming the attribute otherwise.</summary>
    public int Axis(long axis, int rank, string what)
    {
        if (axis < -rank || axis >= rank)
            throw Fail($"{what} {axis} is out of range for rank {rank}", $"use an axis in [{-rank}, {rank - 1}]");
        return (int)(axis < 0 ? axis + rank : axis);
    }

    /// <summary>Describes input shapes for messages: "X [1x3x8x8], W [4x3x3x3]".</summary>
    public string Describe(params int[] inputs) =>
        string.Join(", ", inputs.Where(Has).Select(i => $"'{Node.Inputs[i]}' {Shapes.Text(Shape(i))}"));
}
