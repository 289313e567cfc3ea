using Sim.Core.Hardware;

namespace Sim.Core.Config;

/// <summary>
/// Reads a sparse tile (<c>kind: sparse</c>) into a <see cref="SparseTileSpec"/>. Every field is optional and
/// defaults to Gamma's configuration (see <see cref="SparseTileSpec"/>); unknown keys are rejected.
/// </summary>
public static class SparseTileYaml
{
    public const string KindName = "sparse";

    public static readonly string[] Keys =
    [
        "kind", "pes", "multipliers_per_pe", "merge_ops_per_pe", "merger_radix", "accumulator_entries", "cache_kb",
        "value_bytes", "index_bytes", "dram_bytes_per_cycle", "clock_ghz", "load_factor",
    ];

    /// <summary>Upper bounds shared with <c>sim op spgemm</c>'s flags: far above any published design, low enough that no count overflows.</summary>
    public const long MaxPes = 1 << 20, MaxPerPeOps = 1 << 16, MaxRadix = 1 << 16, MaxAccumulatorEntries = 1L << 40, MaxCacheKb = 1L << 30;

    public static SparseTileSpec Read(YamlMap tile)
    {
        ArgumentNullException.ThrowIfNull(tile);
        tile.AllowOnly(Keys);
        if (tile.OptionalString("kind") is { } kind && kind != KindName)
            throw tile.ErrorAt("kind", $"'{kind}' is not a sparse tile kind", $"write 'kind: {KindName}' (dense tiles do not run SpGEMM)");
        var d = SparseTileSpec.Gamma;
        return new SparseTileSpec(
            Pes: (int)tile.OptionalLong("pes", d.Pes, min: 1, max: MaxPes),
            MultipliersPerPe: (int)tile.OptionalLong("multipliers_per_pe", d.MultipliersPerPe, min: 1, max: MaxPerPeOps),
            MergeOpsPerPe: (int)tile.OptionalLong("merge_ops_per_pe", d.MergeOpsPerPe, min: 1, max: MaxPerPeOps),
            MergerRadix: (int)tile.OptionalLong("merger_radix", d.MergerRadix, min: 2, max: MaxRadix),
            AccumulatorEntries: tile.OptionalLong("accumulator_entries", d.AccumulatorEntries, min: 1, max: MaxAccumulatorEntries),
            CacheBytes: tile.OptionalLong("cache_kb", d.CacheBytes / 1024, min: 0, max: MaxCacheKb) * 1024,
            ValueBytes: Width(tile, "value_bytes", d.ValueBytes),
            IndexBytes: Width(tile, "index_bytes", d.IndexBytes),
            DramBytesPerCycle: tile.OptionalDouble("dram_bytes_per_cycle", d.DramBytesPerCycle, minExclusive: 0),
            ClockGhz: tile.OptionalDouble("clock_ghz", d.ClockGhz, minExclusive: 0),
            LoadFactor: LoadFactor(tile, d.LoadFactor));
    }

    private static double LoadFactor(YamlMap tile, double defaultValue)
    {
        var value = tile.OptionalDouble("load_factor", defaultValue, minExclusive: 0);
        return value <= 1
            ? value
            : throw tile.ErrorAt("load_factor", $"{value.ToString(System.Globalization.CultureInfo.InvariantCulture)} is more than a full table", "use a fraction in (0, 1], e.g. 0.75");
    }

    private static int Width(YamlMap tile, string key, int defaultValue)
    {
        var value = tile.OptionalLong(key, defaultValue, min: 1, max: 8);
        return value is 1 or 2 or 4 or 8
            ? (int)value
            : throw tile.ErrorAt(key, $"{value} bytes is not a machine word width", "use 1, 2, 4 or 8");
    }
}
