using CsCheck;
using Sim.Arch.Memory.Dram;
using Sim.Arch.Pim;
using Sim.Core.Hardware;

namespace Sim.Arch.Tests.Pim;

public class PimGemvCommandsTests
{
    [Fact]
    public void A_gpt3_qk_tile_issues_gwrite_8_gacts_then_8_comps_and_a_readres_per_head()
    {
        var layout = PimGemvLayout.Create(PimPresets.NeuPims, DramPresets.NeuPimsHbm2, new PimGemvShape(32, 1024, 128), 1);
        var stream = PimGemvCommands.For(layout, 0);
        var firstTile = stream.Take(3 + 8 + 4 * 9).Select(c => c.Kind).ToList();
        var expected = new List<DramCommandKind> { DramCommandKind.Activate, DramCommandKind.PimGlobalWrite, DramCommandKind.Precharge };
        expected.AddRange(Enumerable.Repeat(DramCommandKind.PimActivate, 8));
        for (var head = 0; head < 4; head++)
        {
            expected.AddRange(Enumerable.Repeat(DramCommandKind.PimCompute, 8));
            expected.Add(DramCommandKind.PimReadResult);
        }

        Assert.Equal(expected, firstTile);
        // G_ACT i opens banks 4i..4i+3: ranks of 16 banks, bank groups of 4.
        Assert.Equal([(0, 0), (0, 1), (0, 2), (0, 3), (1, 0), (1, 1), (1, 2), (1, 3)],
            stream.Where(c => c.Kind == DramCommandKind.PimActivate).Take(8).Select(c => (c.Rank, c.BankGroup)));
        // The second tile (next chunk) closes the first tile's 8 groups, loads chunk 1's input row, then activates its own row.
        var second = stream.Skip(firstTile.Count).ToList();
        Assert.All(second.Take(8), c => Assert.Equal((DramCommandKind.PimPrecharge, 0), (c.Kind, c.Row)));
        Assert.Equal([DramCommandKind.Activate, DramCommandKind.PimGlobalWrite, DramCommandKind.Precharge], second.Skip(8).Take(3).Select(c => c.Kind));
        Assert.All(second.Skip(8).Take(3), c => Assert.Equal(PimGemvCommands.InputRowBase + 1, c.Row));
        Assert.All(second.Skip(11).Take(8), c => Assert.Equal((DramCommandKind.PimActivate, 1), (c.Kind, c.Row)));
    }

    [Fact]
    public void Each_channel_stream_has_exactly_the_layout_counts() =>
        Gen.Select(PimTestSpecs.SmallDevice, Gen.Int[1, 30], Gen.Int[1, 40], Gen.Int[1, 4], Gen.Int[1, 3])
            .Sample(t =>
            {
                var ((pim, dram), rows, segment, segments, channels) = t;
                var layout = PimGemvLayout.Create(pim, dram, new PimGemvShape(rows, (long)segment * segments, segment), channels);
                var streams = PimGemvCommands.For(layout);
                for (var c = 0; c < channels; c++)
                {
                    var counts = layout.Channels[c];
                    var stream = streams[c];
                    long Count(DramCommandKind kind) => stream.Count(x => x.Kind == kind);
                    Assert.Equal(
                        (counts.GlobalWrites, counts.Activates, counts.Precharges, counts.Comps, counts.ReadResults),
                        (Count(DramCommandKind.PimGlobalWrite), Count(DramCommandKind.PimActivate), Count(DramCommandKind.PimPrecharge),
                            Count(DramCommandKind.PimCompute), Count(DramCommandKind.PimReadResult)));
                    Assert.All(stream, x => Assert.Equal(c, x.Channel));
                    AssertWellFormed(stream);
                }
            }, iter: 200);

    /// <summary>COMPs and READRESes only on an activated row; a row is closed before another is opened.</summary>
    private static void AssertWellFormed(IReadOnlyList<DramCommand> stream)
    {
        var open = new HashSet<(int, int, int)>();
        int? openRow = null;
        var loaded = false;
        int? inputRow = null;
        foreach (var command in stream)
        {
            switch (command.Kind)
            {
                case DramCommandKind.Activate:
                    Assert.True(inputRow is null && open.Count == 0, "input row opened over an open row");
                    inputRow = command.Row;
                    break;
                case DramCommandKind.Precharge:
                    Assert.Equal(inputRow, command.Row);
                    inputRow = null;
                    break;
                case DramCommandKind.PimGlobalWrite:
                    Assert.Equal(inputRow, command.Row);
                    loaded = true;
                    break;
                case DramCommandKind.PimPrecharge:
                    Assert.True(open.Remove((command.Rank, command.BankGroup, command.Bank)), "precharge of a closed group");
                    if (open.Count == 0)
                        openRow = null;
                    break;
                case DramCommandKind.PimActivate:
                    Assert.True(openRow is null || openRow == command.Row, "activate while another row is open");
                    Assert.True(open.Add((command.Rank, command.BankGroup, command.Bank)), "double activate");
                    openRow = command.Row;
                    break;
                default:
                    Assert.True(loaded && openRow == command.Row, $"{command.Kind} without its row open or the buffer loaded");
                    break;
            }
        }
    }
}
