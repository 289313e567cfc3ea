namespace Sim.Core.Workloads;

/// <summary>
/// A non-GEMM tensor op on the vector unit beside the tensor engine: an elementwise function, a pool or reduction, a
/// normalisation (softmax, layer norm) or data movement (<see cref="VectorFunctions"/>). <see cref="OutputShape"/> is the
/// output tensor's shape; <see cref="InputElements"/> the activation elements it reads (all inputs together);
/// <see cref="Window"/> the elements reduced per output (pools, reductions) or the row length (softmax, layer norm), 1
/// otherwise; <see cref="ParameterElements"/> its constant operands (batch-norm scale/shift, a bias, layer-norm γ/β).
/// No MACs: the tensor engine is idle while it runs.
/// </summary>
public sealed record VectorOp(string Name, IReadOnlyList<string> Inputs, string Function, IReadOnlyList<long> OutputShape,
    long InputElements, long Window, long ParameterElements) : Op(Name, Inputs)
{
    public const string KindName = "vector";

    public override string Kind => KindName;

    public override long Macs => 0;

    public long OutputElements => OutputShape.Aggregate(1L, (a, d) => checked(a * d));

    public VectorFunction Definition => VectorFunctions.Get(Function);

    /// <summary>Arithmetic on the lanes, by class.</summary>
    public VectorOps Work => Definition.Work(OutputElements, Window);

    /// <summary>Elements a data-movement op copies through the lanes (0 for arithmetic ops).</summary>
    public long MovedElements => Definition.Class == VectorFunctionClass.Move ? OutputElements : 0;

    /// <summary>What makes the op unbuildable (unknown function, empty or non-positive shape, a window that does not
    /// divide a normalised tensor into rows), or null.</summary>
    public override string? Problem()
    {
        if (!VectorFunctions.TryGet(Function, out var f))
            return $"unknown vector function '{Function}' (known: {VectorFunctions.Names})";
        if (OutputShape.Count == 0 || OutputShape.Any(d => d < 1))
            return $"output shape [{string.Join(", ", OutputShape)}] must have at least one dimension, all positive";
        if (InputElements < 0 || ParameterElements < 0 || Window < 1)
            return "input_elements and parameters must not be negative, window at least 1";
        if (f.Class == VectorFunctionClass.Normalize && OutputElements % Window != 0)
            return $"row length (window) {Window} does not divide the {OutputElements} elements into rows";
        return null;
    }
}
