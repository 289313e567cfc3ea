namespace Sim.Core.Hardware;

/// <summary>
/// A 2D broadcast matrix of MAC PEs (output stationary, outer product per cycle): each cycle a column of A is
/// broadcast along the rows and a row of B down the columns; every PE accumulates its own output in place.
/// </summary>
public sealed record Matrix2DSpec(int Rows, int Cols) : TileSpec
{
    public const string KindName = "matrix2d";

    public override string Kind => KindName;

    public override long PeCount => (long)Rows * Cols;

    public override string ToString() => $"matrix2d {Rows}x{Cols}";
}
