using Sim.Core.Hardware;

namespace Sim.Core.Config;

/// <summary>Reads an arch's optional <c>costs:</c> mapping (energy per action, area per unit, PE variant).</summary>
public static class CostYaml
{
    public static CostSpec Read(YamlMap costs)
    {
        ArgumentNullException.ThrowIfNull(costs);
        costs.AllowOnly("pe_variant", "mac_pj", "accumulator_pj_per_byte", "sram_read_pj_per_byte", "sram_write_pj_per_byte",
            "dram_pj_per_byte", "mac_area_um2", "sram_area_um2_per_kb");
        var variantText = costs.OptionalString("pe_variant") ?? PeVariant.Mac.ToName();
        if (!PeVariantNames.TryParse(variantText, out var variant))
            throw costs.ErrorAt("pe_variant", $"unknown PE variant '{variantText}'", "use mac, bitweight or ent");
        return new CostSpec(
            variant,
            Optional(costs, "mac_pj", positive: true),
            Optional(costs, "accumulator_pj_per_byte"),
            Optional(costs, "sram_read_pj_per_byte"),
            Optional(costs, "sram_write_pj_per_byte"),
            Optional(costs, "dram_pj_per_byte"),
            Optional(costs, "mac_area_um2", positive: true),
            Optional(costs, "sram_area_um2_per_kb"));
    }

    /// <summary>
    /// A figure given in the file, or null for the default. Zero is allowed for memory actions (a what-if: "free DRAM"),
    /// not for the MAC's energy or area, which TOPS/W and TOPS/mm² divide by.
    /// </summary>
    private static double? Optional(YamlMap costs, string key, bool positive = false)
    {
        if (!costs.Has(key))
            return null;
        var value = costs.RequireDouble(key);
        return (positive ? value > 0 : value >= 0) && double.IsFinite(value)
            ? value
            : throw costs.ErrorAt(key, $"{value} is not a valid cost", positive ? "give a finite number > 0" : "give a finite number ≥ 0");
    }
}
