namespace Sim.Core.Hardware;

/// <summary>
/// A 3D cube (Ascend DaVinci-like): every cycle it multiplies an M×K block of A by a K×N block of B and adds the M×N
/// result into its accumulator buffer (L0C) — M·K·N MACs per cycle, the K products of each output summed by an adder
/// tree. DaVinci's cube is 16×16×16 (4096 fp16 MACs).
/// </summary>
public sealed record Cube3DSpec(int M, int K, int N) : TileSpec
{
    public const string KindName = "cube";

    public override string Kind => KindName;

    public override long PeCount => (long)M * K * N;

    public override string ToString() => $"cube {M}x{K}x{N}";
}
