using CsCheck;
using Sim.Arch.Pim;
using Sim.Core.Hardware;

namespace Sim.Arch.Tests.Pim;

public class PimGemvLayoutTests
{
    private static readonly PimSpec NeuPims = PimPresets.NeuPims;
    private static readonly DramTimingSpec Hbm2 = DramPresets.NeuPimsHbm2;

    [Fact]
    public void Gpt3_7b_tp4_qk_has_two_chunks_of_four_heads_with_32_comps_and_4_readres_per_tile()
    {
        // 8 heads × 128 per device; KV 1024 tokens → 32 row groups of 32 banks.
        var layout = PimGemvLayout.Create(NeuPims, Hbm2, new PimGemvShape(1024, 1024, 128), 1);
        Assert.Equal(512, layout.ChunkElements);
        Assert.Equal(2, layout.Chunks.Count);
        Assert.All(layout.Chunks, c => Assert.Equal((32, 4, 1024L), (c.Comps, c.ReadResults, c.BufferBytes)));
        var counts = layout.Total;
        Assert.Equal(new PimGemvCounts(Tiles: 64, GlobalWrites: 2, Activates: 64 * 8, Precharges: 63 * 8, Comps: 64 * 32, ReadResults: 64 * 4,
            BytesInBanks: 1024L * 1024 * 2, BytesOverBus: (2 * 1024) + (64 * 4 * 32 * 2)), counts);
    }

    [Fact]
    public void A_long_reduction_is_split_into_row_sized_pieces_and_a_partial_last_one()
    {
        var layout = PimGemvLayout.Create(NeuPims, Hbm2, PimGemvShape.Plain(40, 1100), 1);
        Assert.Equal([(0L, 512L, 32), (512L, 512L, 32), (1024L, 76L, 5)], layout.Chunks.Select(c => (c.Pieces[0].Start, c.Pieces[0].Length, c.Comps)));
        // Two row groups: 32 rows (8 G_ACTs) and 8 rows (2 G_ACTs).
        Assert.Equal([8, 2, 8, 2, 8, 2], layout.Tiles(0).Select(t => t.Activates));
        Assert.Equal(40L * (32 + 32 + 5) * 32, layout.Total.BytesInBanks);
    }

    [Fact]
    public void Rows_split_evenly_over_channels_with_the_remainder_first()
    {
        var layout = PimGemvLayout.Create(NeuPims, Hbm2, PimGemvShape.Plain(100, 512), 3);
        Assert.Equal([34L, 33L, 33L], layout.RowsPerChannel);
        Assert.Equal(34, layout.FirstRowOf(1));
        Assert.Equal([2L, 2L, 2L], layout.Channels.Select(c => c.Tiles));
        Assert.Throws<ArgumentException>(() => PimGemvLayout.Create(NeuPims, Hbm2, PimGemvShape.Plain(100, 512), [50L, 49L]));
    }

    [Fact]
    public void Specs_the_layout_cannot_use_are_rejected_with_the_reason()
    {
        Assert.Contains("does not divide the 32 banks", PimGemvLayout.SpecProblem(NeuPims with { BanksPerUnit = 3 }, Hbm2));
        Assert.Contains("global buffer", PimGemvLayout.SpecProblem(NeuPims with { GlobalBufferBytes = 100 }, Hbm2));
        Assert.Contains("not a multiple", new PimGemvShape(4, 10, 3).Problem());
        Assert.All(PimPresets.All, p => Assert.Null(PimGemvLayout.SpecProblem(p.Pim, p.Dram)));
    }

    [Fact]
    public void Counts_equal_a_brute_force_enumeration_of_every_element() =>
        Gen.Select(PimTestSpecs.SmallDevice, Gen.Int[1, 20], Gen.Int[1, 40], Gen.Int[1, 4], Gen.Int[1, 3])
            .Sample(t =>
            {
                var ((pim, dram), rows, segment, segments, channels) = t;
                var layout = PimGemvLayout.Create(pim, dram, new PimGemvShape(rows, (long)segment * segments, segment), channels);
                var expected = PimGemvCounts.Sum(Enumerable.Range(0, channels).Select(c => BruteForce(pim, dram, layout.RowsPerChannel[c], segment, segments)));
                Assert.Equal(expected with { Precharges = 0, BytesOverBus = 0 }, layout.Total with { Precharges = 0, BytesOverBus = 0 });
                Assert.Equal(layout.Total.Activates - Enumerable.Range(0, channels).Sum(c => layout.Tiles(c).LastOrDefault()?.Activates ?? 0), layout.Total.Precharges);
            }, iter: 300);

    /// <summary>
    /// Places every (row, reduction element) by the layout rule written out directly and counts distinct tiles, COMP
    /// columns, READRES pieces, chunks and the PUs a tile uses.
    /// </summary>
    private static PimGemvCounts BruteForce(PimSpec pim, DramTimingSpec dram, long rows, int segment, int segments)
    {
        if (rows == 0)
            return PimGemvCounts.Zero;
        var lanes = pim.LanesPerUnit;
        var units = dram.BanksPerChannel / pim.BanksPerUnit;
        var chunkElements = Math.Min(pim.GlobalBufferBytes, pim.BanksPerUnit * dram.RowBytes) / pim.ElementBytes;
        var padded = (segment + lanes - 1) / lanes * lanes;
        var tiles = new HashSet<(long Chunk, long Group)>();
        var comps = new HashSet<(long, long, long)>();
        var pieces = new HashSet<(long, long, long)>();
        var unitColumns = new HashSet<(long, long, long, long)>();
        var unitsInTile = new Dictionary<(long, long), HashSet<long>>();
        for (long i = 0; i < rows; i++)
        {
            for (var g = 0; g < segments; g++)
            {
                for (var off = 0; off < segment; off++)
                {
                    long chunk, column;
                    if (padded <= chunkElements)
                    {
                        var perChunk = chunkElements / padded;
                        chunk = g / perChunk;
                        column = ((g % perChunk * padded) + off) / lanes;
                    }
                    else
                    {
                        var perSegment = (segment + chunkElements - 1) / chunkElements;
                        chunk = ((long)g * perSegment) + (off / chunkElements);
                        column = off % chunkElements / lanes;
                    }

                    var group = i / units;
                    tiles.Add((chunk, group));
                    comps.Add((chunk, group, column));
                    pieces.Add((chunk, group, g));
                    unitColumns.Add((chunk, group, column, i % units));
                    if (!unitsInTile.TryGetValue((chunk, group), out var set))
                        unitsInTile[(chunk, group)] = set = [];
                    set.Add(i % units);
                }
            }
        }

        var activates = unitsInTile.Values.Sum(s => ((long)s.Count * pim.BanksPerUnit + pim.ActBanksPerCommand - 1) / pim.ActBanksPerCommand);
        return new PimGemvCounts(tiles.Count, tiles.Select(t => t.Chunk).Distinct().Count(), activates, 0, comps.Count, pieces.Count,
            (long)unitColumns.Count * pim.BytesPerComp, 0);
    }
}
