namespace Sim.Explorer.Import.Onnx.Inference;

/// <summary>A tensor whose type and shape are known during inference; <see cref="Stored"/> when it comes from the file.</summary>
internal sealed record KnownTensor(OnnxElementType Type, long[] Shape, ConstantValue? Value, OnnxTensor? Stored, string? Producer)
{
    public long ElementCount => Shapes.Count(Shape);
}
