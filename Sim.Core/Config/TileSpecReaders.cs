using Sim.Core.Hardware;

namespace Sim.Core.Config;

/// <summary>Reads a <c>tile:</c> mapping into the spec its <c>kind:</c> names; one line per tile kind.</summary>
public static class TileSpecReaders
{
    private static readonly SortedDictionary<string, Func<YamlMap, TileSpec>> s_readers = new(StringComparer.Ordinal)
    {
        [SystolicSpec.KindName] = ReadSystolic,
    };

    public static IEnumerable<string> Kinds => s_readers.Keys;

    public static TileSpec Read(YamlMap tile)
    {
        ArgumentNullException.ThrowIfNull(tile);
        var kind = tile.RequireString("kind");
        if (!s_readers.TryGetValue(kind, out var read))
            throw tile.ErrorAt("kind", $"unknown tile kind '{kind}'", $"use one of: {string.Join(", ", s_readers.Keys)}");
        return read(tile);
    }

    private static SystolicSpec ReadSystolic(YamlMap tile)
    {
        tile.AllowOnly("kind", "rows", "cols", "dataflow");
        var dataflowText = tile.RequireString("dataflow");
        if (!DataflowNames.TryParse(dataflowText, out var dataflow))
            throw tile.ErrorAt("dataflow", $"unknown dataflow '{dataflowText}'", "use os, ws or is");
        return new SystolicSpec(
            checked((int)tile.RequireLong("rows", min: 1)),
            checked((int)tile.RequireLong("cols", min: 1)),
            dataflow);
    }
}
