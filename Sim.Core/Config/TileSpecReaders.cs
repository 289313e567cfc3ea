using Sim.Core.Hardware;

namespace Sim.Core.Config;

/// <summary>Reads a <c>tile:</c> mapping into the spec its <c>kind:</c> names; one line per tile kind.</summary>
public static class TileSpecReaders
{
    private static readonly SortedDictionary<string, Func<YamlMap, TileSpec>> s_readers = new(StringComparer.Ordinal)
    {
        [SystolicSpec.KindName] = ReadSystolic,
        [Cube3DSpec.KindName] = ReadCube,
        [AdderTreeSpec.KindName] = ReadAdderTree,
        [Matrix2DSpec.KindName] = ReadMatrix2D,
        [CalibratedTileSpec.KindName] = CalibratedTileYaml.Read,
    };

    /// <summary>Array sides beyond this are typos, not designs (a 65536×65536 array has 4·10⁹ PEs).</summary>
    public const long MaxArraySide = 65_536;

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
            (int)tile.RequireLong("rows", min: 1, max: MaxArraySide),
            (int)tile.RequireLong("cols", min: 1, max: MaxArraySide),
            dataflow);
    }

    private static Cube3DSpec ReadCube(YamlMap tile)
    {
        tile.AllowOnly("kind", "m", "k", "n");
        return new Cube3DSpec(Side(tile, "m"), Side(tile, "k"), Side(tile, "n"));
    }

    private static AdderTreeSpec ReadAdderTree(YamlMap tile)
    {
        tile.AllowOnly("kind", "lanes", "tree_width");
        return new AdderTreeSpec(Side(tile, "lanes"), Side(tile, "tree_width"));
    }

    private static Matrix2DSpec ReadMatrix2D(YamlMap tile)
    {
        tile.AllowOnly("kind", "rows", "cols");
        return new Matrix2DSpec(Side(tile, "rows"), Side(tile, "cols"));
    }

    private static int Side(YamlMap tile, string key) => (int)tile.RequireLong(key, min: 1, max: MaxArraySide);
}
