namespace Sim.Arch.Pim;

/// <summary>
/// The part of one segment that a chunk carries: reduction elements [Start, Start + Length) of segment
/// <see cref="Segment"/>, stored padded to whole COMP columns (<see cref="Comps"/> of LanesPerUnit elements each) so that
/// no column mixes two dot products.
/// </summary>
public readonly record struct PimSegmentPiece(long Segment, long Start, long Length, int Comps);

/// <summary>
/// One global-buffer load of the input vector (one GWRITE) and the pieces of segments it feeds. Every tile of the chunk
/// runs the same COMPs and READRESes: <see cref="Comps"/> all-bank COMPs and one READRES per piece.
/// </summary>
public sealed record PimChunk(int Index, IReadOnlyList<PimSegmentPiece> Pieces, int LanesPerUnit, int ElementBytes)
{
    public int Comps => Pieces.Sum(p => p.Comps);

    public int ReadResults => Pieces.Count;

    /// <summary>Bytes of the input vector this chunk puts into the global buffer (whole columns, padding included).</summary>
    public long BufferBytes => (long)Comps * LanesPerUnit * ElementBytes;
}
