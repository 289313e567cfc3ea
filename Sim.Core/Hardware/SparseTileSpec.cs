namespace Sim.Core.Hardware;

/// <summary>
/// A sparse-capable tile for SpGEMM: <see cref="Pes"/> processing elements sharing an on-chip cache for B rows
/// (Gamma's FiberCache) and one DRAM channel. Defaults are Gamma (Zhang et al., ASPLOS'21, §5 "Gamma configuration"):
/// 32 PEs, radix-64 mergers, 3 MB FiberCache, 128 GB/s HBM at 1 GHz, one multiply and one merge/accumulate per PE
/// per cycle. OuterSPACE (HPCA'18) for comparison: 256 PEs at 1.5 GHz, 128 GB/s; SpArch (HPCA'20): 64-way merge
/// tree; MatRaptor (MICRO'20): 8 PEs, 128 GB/s.
/// </summary>
/// <param name="Pes">Processing elements; rows (or outer-product columns) are dealt across them.</param>
/// <param name="MultipliersPerPe">Multiplies per cycle per PE (Gamma: 1).</param>
/// <param name="MergeOpsPerPe">Merge, accumulate, hash-probe or coordinate-compare operations per cycle per PE (Gamma's merger emits 1 element/cycle).</param>
/// <param name="MergerRadix">Ways of one merger (Gamma: 64); a row merging r fibers takes ⌈log_R r⌉ passes.</param>
/// <param name="AccumulatorEntries">
/// Per-PE row accumulator: hash-table entries (SMASH) or dense-SPA width. Not from a paper: 16 Ki entries
/// (192 KB at 12 B/entry) is our assumption; sweep it.
/// </param>
/// <param name="CacheBytes">On-chip buffer: B rows (row-wise), B column blocks (inner), partial products (outer). Gamma: 3 MB.</param>
/// <param name="ValueBytes">Bytes per value (8: double, as <c>CsrMatrix</c> stores).</param>
/// <param name="IndexBytes">Bytes per coordinate or row pointer (4: 32-bit, the research notes' CSR layout).</param>
/// <param name="DramBytesPerCycle">DRAM bandwidth; Gamma: 128 GB/s at 1 GHz = 128 B/cycle.</param>
/// <param name="ClockGhz">Clock, only used to report time.</param>
/// <param name="LoadFactor">
/// Hash accumulator: the fraction α of <see cref="AccumulatorEntries"/> a row may fill before it spills (a row spills
/// when nnz(C_i,:) &gt; entries·α), in (0, 1]. Not given by SMASH or Gamma; 0.75 is the usual software default (Java's
/// HashMap; .NET's Hashtable uses 0.72) because open addressing's expected probes per insert, ½(1 + 1/(1−α)²), are
/// 8.5 at 0.75 and 50.5 at 0.9 — a fuller table stops being one probe per product. Dense SPAs index directly and
/// ignore it.
/// </param>
public sealed record SparseTileSpec(
    int Pes = 32,
    int MultipliersPerPe = 1,
    int MergeOpsPerPe = 1,
    int MergerRadix = 64,
    long AccumulatorEntries = 16 * 1024,
    long CacheBytes = 3L * 1024 * 1024,
    int ValueBytes = 8,
    int IndexBytes = 4,
    double DramBytesPerCycle = 128,
    double ClockGhz = 1.0,
    double LoadFactor = 0.75)
{
    /// <summary>Gamma (ASPLOS'21) as configured in its evaluation.</summary>
    public static SparseTileSpec Gamma { get; } = new();

    /// <summary>Bytes of one stored nonzero: value + coordinate.</summary>
    public int ElementBytes => ValueBytes + IndexBytes;

    public override string ToString() =>
        FormattableString.Invariant($"sparse {Pes} PEs × {MultipliersPerPe} mul, radix {MergerRadix}, {CacheBytes / 1024} KB cache, {DramBytesPerCycle} B/cycle");
}
