using Sim.Core.Hardware;

namespace Sim.Core.Config;

/// <summary>
/// Reads a <c>pim:</c> mapping: <c>{preset: neupims|newton|samsung-hbm-pim|aim, name: ..., &lt;PimSpec field in snake_case&gt;: ...}</c>.
/// The preset gives every field and its DRAM device (<see cref="PimPresets.All"/>); listed fields override it. The result
/// is checked as a whole (banks per unit divide the channel's banks, a COMP column divides the row and the buffer) so a
/// spec that would break the PIM layout fails here, at its field.
/// </summary>
public static class PimYaml
{
    private static readonly string[] IntFields =
    [
        "lanes_per_unit", "banks_per_unit", "element_bytes", "comp_cycles", "act_banks_per_command", "act_weight_in_faw",
        "min_comps_per_tile", "readout_cycles_per_result", "global_buffer_bytes", "broadcast_cycles_per_buffer",
    ];

    private static readonly string[] Keys = ["preset", "name", "dual_row_buffer", .. IntFields];

    public static string PresetNames => string.Join(", ", PimPresets.All.Select(p => p.Pim.Name));

    /// <summary>Reads the <c>pim:</c> mapping of a document.</summary>
    public static (PimSpec Pim, DramTimingSpec Dram) Parse(string file, string text) => Read(YamlMap.Parse(file, text).RequireMap("pim"));

    public static (PimSpec Pim, DramTimingSpec Dram) Read(YamlMap pim)
    {
        ArgumentNullException.ThrowIfNull(pim);
        pim.AllowOnly(Keys);
        var presetName = pim.RequireString("preset");
        var preset = PimPresets.Find(presetName)
            ?? throw pim.ErrorAt("preset", $"unknown preset '{presetName}'", $"use one of: {PresetNames}");
        var (basePim, dram) = preset;
        var spec = basePim with
        {
            Name = pim.OptionalString("name") ?? basePim.Name,
            LanesPerUnit = Int(pim, "lanes_per_unit", basePim.LanesPerUnit, 1, 1024),
            BanksPerUnit = Int(pim, "banks_per_unit", basePim.BanksPerUnit, 1, dram.BanksPerChannel),
            ElementBytes = Int(pim, "element_bytes", basePim.ElementBytes, 1, 8),
            CompCycles = Int(pim, "comp_cycles", basePim.CompCycles, 1, 1000),
            ActBanksPerCommand = Int(pim, "act_banks_per_command", basePim.ActBanksPerCommand, 1, dram.BanksPerChannel),
            ActWeightInFaw = Int(pim, "act_weight_in_faw", basePim.ActWeightInFaw, 1, 4),
            MinCompsPerTile = Int(pim, "min_comps_per_tile", basePim.MinCompsPerTile, 1, 1000),
            ReadoutCyclesPerResult = Int(pim, "readout_cycles_per_result", basePim.ReadoutCyclesPerResult, 0, 1000),
            GlobalBufferBytes = Int(pim, "global_buffer_bytes", basePim.GlobalBufferBytes, 1, 1 << 20),
            BroadcastCyclesPerBuffer = Int(pim, "broadcast_cycles_per_buffer", basePim.BroadcastCyclesPerBuffer, 0, 1 << 20),
            DualRowBuffer = Bool(pim, "dual_row_buffer", basePim.DualRowBuffer),
        };
        Check(pim, spec, dram);
        return (spec, dram);
    }

    private static void Check(YamlMap pim, PimSpec spec, DramTimingSpec dram)
    {
        if (dram.BanksPerChannel % spec.BanksPerUnit != 0)
            throw pim.ErrorAt("banks_per_unit", $"{spec.BanksPerUnit} does not divide the {dram.BanksPerChannel} banks of a {dram.Name} channel", "use a divisor such as 1 or 2");
        if (dram.RowBytes % spec.BytesPerComp != 0)
        {
            var key = pim.Has("element_bytes") && !pim.Has("lanes_per_unit") ? "element_bytes" : "lanes_per_unit";
            throw pim.ErrorAt(key, $"a COMP column of {spec.LanesPerUnit}×{spec.ElementBytes} B does not divide the {dram.RowBytes} B row of {dram.Name}",
                "use a power of two lanes per unit (e.g. 16)");
        }

        if (dram.BanksPerChannel % spec.ActBanksPerCommand != 0 || (spec.ActBanksPerCommand % dram.BanksPerGroup != 0 && dram.BanksPerGroup % spec.ActBanksPerCommand != 0))
            throw pim.ErrorAt("act_banks_per_command", $"{spec.ActBanksPerCommand} banks per activate do not tile the {dram.BanksPerGroup}-bank groups of a {dram.BanksPerChannel}-bank {dram.Name} channel",
                $"use a divisor or multiple of {dram.BanksPerGroup} that divides {dram.BanksPerChannel} (e.g. {dram.BanksPerGroup}, a bank group)");
        if (spec.GlobalBufferBytes % spec.BytesPerComp != 0 || spec.GlobalBufferBytes < spec.BytesPerComp)
            throw pim.ErrorAt("global_buffer_bytes", $"{spec.GlobalBufferBytes} B is not a whole number of {spec.BytesPerComp} B COMP columns",
                $"use a multiple of {spec.BytesPerComp} (e.g. {dram.RowBytes}, one row)");
    }

    private static int Int(YamlMap pim, string key, int fallback, int min, int max) => (int)pim.OptionalLong(key, fallback, min, max);

    private static bool Bool(YamlMap pim, string key, bool fallback)
    {
        if (pim.OptionalString(key) is not { } text)
            return fallback;
        return text switch
        {
            "true" => true,
            "false" => false,
            _ => throw pim.ErrorAt(key, $"'{text}' is not a boolean", "write true or false"),
        };
    }
}
