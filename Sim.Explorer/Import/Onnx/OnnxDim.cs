namespace Sim.Explorer.Import.Onnx;

/// <summary>A declared dimension: a static size (<see cref="Value"/>), a symbolic name (<see cref="Param"/>), or neither.</summary>
public sealed record OnnxDim(long? Value, string? Param)
{
    public override string ToString() => Value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Param ?? "?";
}
