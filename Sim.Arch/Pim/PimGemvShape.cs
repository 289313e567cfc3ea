namespace Sim.Arch.Pim;

/// <summary>
/// A segmented GEMV y[r, g] = Σ_{e &lt; SegmentLength} W[r, g·SegmentLength + e] · x[g·SegmentLength + e]:
/// <see cref="Rows"/> output rows, a reduction of <see cref="Cols"/> elements cut into <see cref="Segments"/> independent
/// dot products of <see cref="SegmentLength"/>. A plain GEMV is one segment (SegmentLength = Cols); NeuPIMs' decode qKᵀ is
/// KV-length rows × (heads·head_dim) with one segment per head (the row of token t holds every head's key, the query of
/// every head is broadcast once).
/// </summary>
public sealed record PimGemvShape(long Rows, long Cols, long SegmentLength)
{
    public static PimGemvShape Plain(long rows, long cols) => new(rows, cols, cols);

    public long Segments => Cols / SegmentLength;

    /// <summary>Outputs: one per (row, segment).</summary>
    public long Outputs => checked(Rows * Segments);

    public long Macs => checked(Rows * Cols);

    /// <summary>Why the shape is not a GEMV, or null.</summary>
    public string? Problem() =>
        Rows < 1 || Cols < 1 || SegmentLength < 1 ? $"rows, cols and segment length must be ≥ 1 (got {Rows}, {Cols}, {SegmentLength})"
        : Cols % SegmentLength != 0 ? $"cols {Cols} is not a multiple of the segment length {SegmentLength}"
        : null;
}
