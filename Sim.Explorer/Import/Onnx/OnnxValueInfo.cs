namespace Sim.Explorer.Import.Onnx;

/// <summary>A declared graph input/output/value_info entry. <see cref="Shape"/> is null when no shape is declared (rank unknown).</summary>
public sealed record OnnxValueInfo(string Name, OnnxElementType Type, IReadOnlyList<OnnxDim>? Shape)
{
    /// <summary>True when a shape is declared and every dim is a static size.</summary>
    public bool IsStatic => Shape is not null && Shape.All(d => d.Value is not null);
}
