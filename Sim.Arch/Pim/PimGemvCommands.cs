using Sim.Arch.Memory.Dram;

namespace Sim.Arch.Pim;

/// <summary>
/// The DRAM command stream a <see cref="PimGemvLayout"/> implies, per channel in issue order — what
/// <see cref="PimGemvTiming"/> prices in closed form, for replay on the command-level DRAM model:
/// <code>
/// for each chunk:
///   PimPrecharge × (previous tile's activates)      — none before the channel's first tile
///   Activate, PimGlobalWrite, Precharge             — the input row (bank 0 of rank 0, group 0; row InputRowBase + chunk):
///                                                     opened, copied into the global buffer, closed (the tRP + tRCD the
///                                                     closed form charges per GWRITE)
///   for each row group (tile):
///     PimPrecharge × (previous tile's activates)    — within a chunk; none for the chunk's first tile
///     PimActivate  × activates                        — activate i covers banks [i·A, (i+1)·A), A = ActBanksPerCommand
///     per piece:  PimCompute × piece comps (Column = COMP index within the tile), then PimReadResult
/// </code>
/// The PIM rows are closed before the input row opens, so the stream is legal with a single row buffer too (there the
/// PIM row is the bank's row). The last tile's rows stay open (the closed form charges no trailing precharge).
/// Row = the tile's issue index.
/// </summary>
public static class PimGemvCommands
{
    /// <summary>Input-vector rows start here, far above any weight row a layout issues.</summary>
    public const int InputRowBase = 1 << 30;

    public static IReadOnlyList<DramCommand> For(PimGemvLayout layout, int channel)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentOutOfRangeException.ThrowIfNegative(channel);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(channel, layout.RowsPerChannel.Count);
        var commands = new List<DramCommand>();
        PimTile? previous = null;
        PimChunk? loaded = null;
        foreach (var tile in layout.Tiles(channel))
        {
            if (previous is not null)
                AddBankGroupCommands(commands, DramCommandKind.PimPrecharge, layout, channel, previous);
            if (!ReferenceEquals(tile.Chunk, loaded))
            {
                var inputRow = InputRowBase + tile.Chunk.Index;
                commands.Add(new DramCommand(DramCommandKind.Activate, channel, 0, 0, 0, inputRow, 0));
                commands.Add(new DramCommand(DramCommandKind.PimGlobalWrite, channel, 0, 0, 0, inputRow, 0));
                commands.Add(new DramCommand(DramCommandKind.Precharge, channel, 0, 0, 0, inputRow, 0));
                loaded = tile.Chunk;
            }

            AddBankGroupCommands(commands, DramCommandKind.PimActivate, layout, channel, tile);
            var column = 0;
            foreach (var piece in tile.Chunk.Pieces)
            {
                for (var c = 0; c < piece.Comps; c++)
                    commands.Add(new DramCommand(DramCommandKind.PimCompute, channel, 0, 0, 0, tile.DramRow, column++));
                commands.Add(new DramCommand(DramCommandKind.PimReadResult, channel, 0, 0, 0, tile.DramRow, 0));
            }

            previous = tile;
        }

        return commands;
    }

    /// <summary>Every channel's stream, index = channel.</summary>
    public static IReadOnlyList<IReadOnlyList<DramCommand>> For(PimGemvLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        return [.. Enumerable.Range(0, layout.RowsPerChannel.Count).Select(c => For(layout, c))];
    }

    private static void AddBankGroupCommands(List<DramCommand> commands, DramCommandKind kind, PimGemvLayout layout, int channel, PimTile tile)
    {
        var dram = layout.Dram;
        for (var i = 0; i < tile.Activates; i++)
        {
            var firstBank = i * layout.Pim.ActBanksPerCommand;
            var rank = firstBank / dram.BanksPerRank;
            var bankGroup = firstBank % dram.BanksPerRank / dram.BanksPerGroup;
            var bank = firstBank % dram.BanksPerGroup;
            commands.Add(new DramCommand(kind, channel, rank, bankGroup, bank, tile.DramRow, 0));
        }
    }
}
