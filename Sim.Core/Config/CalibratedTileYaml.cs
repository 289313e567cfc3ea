using Sim.Core.Hardware;

namespace Sim.Core.Config;

/// <summary>Reads <c>tile: {kind: calibrated, ...}</c> (the tile <c>sim calibrate</c> writes).</summary>
public static class CalibratedTileYaml
{
    /// <summary>Register tiles and cache blocks beyond this are typos: no cache holds a 65536-wide panel.</summary>
    public const long MaxBlock = 65_536;

    public static CalibratedTileSpec Read(YamlMap tile)
    {
        ArgumentNullException.ThrowIfNull(tile);
        tile.AllowOnly("kind", "units", "macs_per_cycle_per_unit", "tile_m", "tile_n", "block_m", "block_n", "block_k",
            "efficiency", "tile_overhead_cycles", "launch_cycles", "b_pack_cycles_per_byte");
        var efficiency = tile.RequireDouble("efficiency", 0);
        // Above 1 would claim more than the ISA's peak: the peak (lanes × FMA pipes) or the clock is wrong instead.
        if (efficiency > 1)
            throw tile.ErrorAt("efficiency", $"{efficiency} is above 1 (the ISA's peak)",
                "give a fraction of macs_per_cycle_per_unit in (0, 1]; if it really is faster, raise macs_per_cycle_per_unit or the clock");
        return new CalibratedTileSpec(
            Int(tile, "units", TileSpecReaders.MaxArraySide),
            Int(tile, "macs_per_cycle_per_unit", TileSpecReaders.MaxArraySide),
            Int(tile, "tile_m", MaxBlock),
            Int(tile, "tile_n", MaxBlock),
            Int(tile, "block_m", MaxBlock),
            Int(tile, "block_n", MaxBlock),
            Int(tile, "block_k", MaxBlock),
            efficiency,
            NonNegative(tile, "tile_overhead_cycles"),
            NonNegative(tile, "launch_cycles"),
            NonNegative(tile, "b_pack_cycles_per_byte"));
    }

    private static int Int(YamlMap tile, string key, long max) => (int)tile.RequireLong(key, min: 1, max: max);

    private static double NonNegative(YamlMap tile, string key)
    {
        var value = tile.RequireDouble(key);
        return value >= 0 ? value : throw tile.ErrorAt(key, $"{value} cycles is negative", "use 0 or a positive number of cycles");
    }
}
