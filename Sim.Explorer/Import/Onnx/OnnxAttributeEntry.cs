namespace Sim.Explorer.Import.Onnx;

/// <summary>An attribute's kind; values are ONNX's <c>AttributeProto.AttributeType</c> numbers.</summary>
public enum OnnxAttributeKind
{
    Undefined = 0,
    Float = 1,
    Int = 2,
    String = 3,
    Tensor = 4,
    Graph = 5,
    Floats = 6,
    Ints = 7,
    Strings = 8,
    Tensors = 9,
    Graphs = 10,
    SparseTensor = 11,
    SparseTensors = 12,
    TypeProto = 13,
    TypeProtos = 14,
}

/// <summary>
/// One node attribute. Only the member matching <see cref="Kind"/> is meaningful; graphs, sparse tensors and type protos
/// are kept as their kind only (no shape rule here reads them).
/// </summary>
public sealed record OnnxAttributeEntry(
    string Name,
    OnnxAttributeKind Kind,
    double Float,
    long Int,
    string String,
    IReadOnlyList<double> Floats,
    IReadOnlyList<long> Ints,
    IReadOnlyList<string> Strings,
    OnnxTensor? Tensor);
