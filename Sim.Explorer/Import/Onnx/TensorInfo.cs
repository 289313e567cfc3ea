namespace Sim.Explorer.Import.Onnx;

/// <summary>
/// A tensor whose shape inference resolved: element type, static shape (every dim ≥ 0; [] for a scalar), role and, for
/// small constants, the value.
/// </summary>
public sealed record TensorInfo(string Name, OnnxElementType Type, IReadOnlyList<long> Shape, TensorRole Role, ConstantValue? Value)
{
    public int Rank => Shape.Count;

    public long ElementCount
    {
        get
        {
            long count = 1;
            foreach (var d in Shape)
                count *= d;
            return count;
        }
    }

    /// <summary>Storage bytes (sub-byte types packed); 0 for strings.</summary>
    public long Bytes => Type.BytesFor(ElementCount);

    public override string ToString() => $"{Name}: {Type.OnnxName()}[{string.Join("x", Shape)}] {Role}";
}
