namespace Sim.Arch.Pim;

/// <summary>
/// One tile: the same row index opened in every bank that holds one of its rows, then <see cref="Comps"/> all-bank COMPs and
/// <see cref="ReadResults"/> READRESes. PU u of the tile holds output row <see cref="FirstRow"/> + u (a channel-local index).
/// </summary>
/// <param name="Channel">Channel index (0-based within the layout).</param>
/// <param name="Index">Issue position within the channel (chunk-major, as NeuPIMs issues tiles).</param>
/// <param name="Chunk">The chunk (global-buffer load) this tile computes with.</param>
/// <param name="Group">Row group: channel rows [Group·units, Group·units + UsedUnits).</param>
/// <param name="UsedUnits">PUs with a row in this tile (the last group of a channel may be partial).</param>
/// <param name="Activates">PIM activates opening the used banks (ActBanksPerCommand banks each).</param>
public sealed record PimTile(int Channel, long Index, PimChunk Chunk, long Group, int UsedUnits, int Activates, long FirstRow)
{
    public int Comps => Chunk.Comps;

    public int ReadResults => Chunk.ReadResults;

    /// <summary>DRAM row index the tile opens: tiles of a channel occupy consecutive rows in issue order.</summary>
    public int DramRow => checked((int)Index);
}
