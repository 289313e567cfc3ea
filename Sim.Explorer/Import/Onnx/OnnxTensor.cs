namespace Sim.Explorer.Import.Onnx;

/// <summary>
/// A tensor stored in the model (an initializer or a Constant node's value): type and dims always; the value only when it is
/// small (≤ <see cref="ConstantValue.MaxElements"/> elements) and of a decoded type; <see cref="External"/> when its bytes live
/// in another file (read on demand). <see cref="Ordinal"/> is the position among GraphProto.initializer (-1 for attributes).
/// </summary>
public sealed record OnnxTensor(string Name, OnnxElementType Type, IReadOnlyList<long> Dims, ConstantValue? Value, OnnxExternalData? External, int Ordinal)
{
    public long ElementCount
    {
        get
        {
            long count = 1;
            foreach (var d in Dims)
                count *= d;
            return count;
        }
    }
}
