namespace Sim.Core.Workloads;

/// <summary>Zero padding on each side of a convolution's input (ONNX order: top, left, bottom, right).</summary>
public readonly record struct ConvPads(long Top, long Left, long Bottom, long Right)
{
    public static ConvPads Uniform(long padding) => new(padding, padding, padding, padding);

    public bool IsUniform => Top == Left && Left == Bottom && Bottom == Right;

    public override string ToString() => IsUniform ? $"{Top}" : $"[{Top}, {Left}, {Bottom}, {Right}]";
}
