using Sim.Core.Hardware;

namespace Sim.Arch.Pim;

/// <summary>
/// Where an R×C weight matrix (R outputs, C reduction, ElementBytes each) sits in PIM banks — NeuPIMs' K layout
/// (../shared/research/pim-sparse-attn.md §A.1.3, §A.6 eq. 1):
/// <list type="bullet">
/// <item>Rows are split over channels in contiguous blocks; channel-local row i belongs to PU i mod U of row group i / U
/// (U = PUs per channel). Decode keys: token t in bank t mod banks.</item>
/// <item>The reduction is cut into chunks of at most min(GlobalBufferBytes, BanksPerUnit·RowBytes) bytes — one GWRITE
/// each. Segments (see <see cref="PimGemvShape"/>) are padded to whole COMP columns; short segments are packed whole
/// into a chunk (NeuPIMs: 4 heads of 128 per 512-element row), long ones are split into chunk-sized pieces.</item>
/// <item>A tile = one row group × one chunk: the same row index opened in every used bank, each PU holding its row's
/// chunk slice. Tiles issue chunk-major (GWRITE chunk k, then every row group), as NeuPIMs' PIMGEMV does.</item>
/// </list>
/// Rows of a PU whose slice is shorter than its row (e.g. Samsung's 256 B GRF against 2 KB of rows) are not shared
/// between chunks: each tile reopens a row, a pessimism for such presets that docs/pim.md states.
/// </summary>
public sealed class PimGemvLayout
{
    private PimGemvLayout(PimSpec pim, DramTimingSpec dram, PimGemvShape shape, IReadOnlyList<long> rowsPerChannel, IReadOnlyList<PimChunk> chunks)
    {
        Pim = pim;
        Dram = dram;
        Shape = shape;
        RowsPerChannel = rowsPerChannel;
        Chunks = chunks;
        ChunkElements = ChunkElementsOf(pim, dram);
        Channels = [.. Enumerable.Range(0, rowsPerChannel.Count).Select(ChannelCountsOf)];
    }

    public PimSpec Pim { get; }

    public DramTimingSpec Dram { get; }

    public PimGemvShape Shape { get; }

    /// <summary>Rows mapped to each channel; channel c holds rows [Σ_{c'&lt;c} RowsPerChannel[c'], +RowsPerChannel[c]).</summary>
    public IReadOnlyList<long> RowsPerChannel { get; }

    /// <summary>The chunks every channel runs (the same for all: channels split rows, not the reduction).</summary>
    public IReadOnlyList<PimChunk> Chunks { get; }

    /// <summary>Reduction elements one chunk can hold: min(GlobalBufferBytes, BanksPerUnit·RowBytes) / ElementBytes.</summary>
    public int ChunkElements { get; }

    public int UnitsPerChannel => Pim.UnitsPerChannel(Dram);

    /// <summary>Per-channel counts, index = channel.</summary>
    public IReadOnlyList<PimGemvCounts> Channels { get; }

    public PimGemvCounts Total => PimGemvCounts.Sum(Channels);

    /// <summary>Rows split as evenly as possible over <paramref name="channels"/> (the first R mod n get one more).</summary>
    public static PimGemvLayout Create(PimSpec pim, DramTimingSpec dram, PimGemvShape shape, int channels)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        var rows = Enumerable.Range(0, channels).Select(c => shape.Rows / channels + (c < shape.Rows % channels ? 1 : 0)).ToList();
        return Create(pim, dram, shape, rows);
    }

    /// <summary>An explicit assignment: <paramref name="rowsPerChannel"/>[c] rows to channel c (0 allowed), summing to R.</summary>
    public static PimGemvLayout Create(PimSpec pim, DramTimingSpec dram, PimGemvShape shape, IReadOnlyList<long> rowsPerChannel)
    {
        ArgumentNullException.ThrowIfNull(pim);
        ArgumentNullException.ThrowIfNull(dram);
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(rowsPerChannel);
        if (shape.Problem() is { } problem)
            throw new ArgumentException(problem, nameof(shape));
        if (SpecProblem(pim, dram) is { } specProblem)
            throw new ArgumentException(specProblem, nameof(pim));
        if (rowsPerChannel.Count == 0 || rowsPerChannel.Any(r => r < 0) || rowsPerChannel.Sum() != shape.Rows)
            throw new ArgumentException($"rows per channel must be ≥ 0 and sum to {shape.Rows}", nameof(rowsPerChannel));
        return new PimGemvLayout(pim, dram, shape, [.. rowsPerChannel], ChunksOf(pim, dram, shape));
    }

    /// <summary>Why this PIM cannot run on this DRAM with the layout's rules, or null.</summary>
    public static string? SpecProblem(PimSpec pim, DramTimingSpec dram)
    {
        ArgumentNullException.ThrowIfNull(pim);
        ArgumentNullException.ThrowIfNull(dram);
        if (pim.LanesPerUnit < 1 || pim.BanksPerUnit < 1 || pim.ElementBytes < 1 || pim.CompCycles < 1 || pim.ActBanksPerCommand < 1
            || pim.ActWeightInFaw < 1 || pim.MinCompsPerTile < 1 || pim.ReadoutCyclesPerResult < 0 || pim.BroadcastCyclesPerBuffer < 0)
            return "every PIM count must be ≥ 1 (readout and broadcast cycles ≥ 0)";
        if (dram.BanksPerChannel % pim.BanksPerUnit != 0)
            return $"banks per unit {pim.BanksPerUnit} does not divide the {dram.BanksPerChannel} banks of a channel";
        if (dram.RowBytes % pim.BytesPerComp != 0)
            return $"a COMP column ({pim.BytesPerComp} B) does not divide the {dram.RowBytes} B row";
        return pim.GlobalBufferBytes < pim.BytesPerComp || pim.GlobalBufferBytes % pim.BytesPerComp != 0
            ? $"the global buffer ({pim.GlobalBufferBytes} B) is not a whole number of COMP columns ({pim.BytesPerComp} B)"
            : null;
    }

    /// <summary>Global row index of PU <paramref name="unit"/> in <paramref name="tile"/>.</summary>
    public long GlobalRow(PimTile tile, int unit)
    {
        ArgumentNullException.ThrowIfNull(tile);
        return FirstRowOf(tile.Channel) + tile.FirstRow + unit;
    }

    public long FirstRowOf(int channel) => RowsPerChannel.Take(channel).Sum();

    public long GroupsOf(int channel) => DivCeil(RowsPerChannel[channel], UnitsPerChannel);

    /// <summary>The tiles of <paramref name="channel"/> in issue order (chunk-major).</summary>
    public IEnumerable<PimTile> Tiles(int channel)
    {
        var groups = GroupsOf(channel);
        long index = 0;
        foreach (var chunk in Chunks)
        {
            for (long g = 0; g < groups; g++)
            {
                var used = UsedUnits(channel, g);
                yield return new PimTile(channel, index++, chunk, g, used, ActivatesFor(used), g * UnitsPerChannel);
            }
        }
    }

    private int UsedUnits(int channel, long group) => (int)Math.Min(UnitsPerChannel, RowsPerChannel[channel] - group * UnitsPerChannel);

    internal int ActivatesFor(int usedUnits) => (int)DivCeil((long)usedUnits * Pim.BanksPerUnit, Pim.ActBanksPerCommand);

    private PimGemvCounts ChannelCountsOf(int channel)
    {
        var groups = GroupsOf(channel);
        if (groups == 0)
            return PimGemvCounts.Zero;
        var lastUsed = UsedUnits(channel, groups - 1);
        var chunks = Chunks.Count;
        var actsPerChunk = (groups - 1) * ActivatesFor(UnitsPerChannel) + ActivatesFor(lastUsed);
        var activates = chunks * actsPerChunk;
        var comps = Chunks.Sum(c => (long)c.Comps) * groups;
        var readres = Chunks.Sum(c => (long)c.ReadResults) * groups;
        var rows = RowsPerChannel[channel];
        var bytesInBanks = Chunks.Sum(c => (long)c.Comps) * rows * Pim.BytesPerComp;
        var bytesOverBus = Chunks.Sum(c => c.BufferBytes) + readres * UnitsPerChannel * Pim.ElementBytes;
        // Every tile but the first closes the previous tile's rows; the last tile's rows stay open.
        return new PimGemvCounts(chunks * groups, chunks, activates, activates - ActivatesFor(lastUsed), comps, readres, bytesInBanks, bytesOverBus);
    }

    private static int ChunkElementsOf(PimSpec pim, DramTimingSpec dram)
    {
        var bytes = Math.Min(pim.GlobalBufferBytes, pim.BanksPerUnit * dram.RowBytes);
        return bytes / pim.BytesPerComp * pim.LanesPerUnit;
    }

    private static List<PimChunk> ChunksOf(PimSpec pim, DramTimingSpec dram, PimGemvShape shape)
    {
        var lanes = pim.LanesPerUnit;
        long chunkElements = ChunkElementsOf(pim, dram);
        var segment = shape.SegmentLength;
        var padded = DivCeil(segment, lanes) * lanes;
        var chunks = new List<PimChunk>();
        if (padded <= chunkElements)
        {
            // Whole segments packed per chunk (NeuPIMs: heads_per_tile = page / dk).
            var perChunk = chunkElements / padded;
            for (long first = 0; first < shape.Segments; first += perChunk)
            {
                var pieces = new List<PimSegmentPiece>();
                for (var s = first; s < Math.Min(shape.Segments, first + perChunk); s++)
                    pieces.Add(new PimSegmentPiece(s, 0, segment, (int)(padded / lanes)));
                chunks.Add(new PimChunk(chunks.Count, pieces, lanes, pim.ElementBytes));
            }
        }
        else
        {
            // A long segment is split into chunk-sized pieces, each read out and summed by the host (NeuPIMs' S·V vector ADD).
            for (long s = 0; s < shape.Segments; s++)
            {
                for (long start = 0; start < segment; start += chunkElements)
                {
                    var length = Math.Min(chunkElements, segment - start);
                    chunks.Add(new PimChunk(chunks.Count, [new PimSegmentPiece(s, start, length, (int)DivCeil(length, lanes))], lanes, pim.ElementBytes));
                }
            }
        }

        return chunks;
    }

    internal static long DivCeil(long a, long b) => (a + b - 1) / b;
}
