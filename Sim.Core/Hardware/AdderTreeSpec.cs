namespace Sim.Core.Hardware;

/// <summary>
/// A multiplier-adder tree engine (NVDLA CMAC-like, weight stationary): <see cref="Lanes"/> dot-product units, each
/// <see cref="TreeWidth"/> multipliers feeding an adder tree and an accumulator. Each cycle one input vector of
/// TreeWidth elements is broadcast to every lane; each lane holds TreeWidth weights of one output column.
/// </summary>
public sealed record AdderTreeSpec(int Lanes, int TreeWidth) : TileSpec
{
    public const string KindName = "addertree";

    public override string Kind => KindName;

    public override long PeCount => (long)Lanes * TreeWidth;

    public override string ToString() => $"addertree {Lanes}x{TreeWidth}";
}
