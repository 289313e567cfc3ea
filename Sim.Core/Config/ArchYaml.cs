using Sim.Core.Hardware;

namespace Sim.Core.Config;

/// <summary>Loads an <see cref="ArchSpec"/> from YAML (see README "Config reference").</summary>
public static class ArchYaml
{
    public static ArchSpec Load(string file) => FromMap(YamlMap.Load(file));

    public static ArchSpec Parse(string file, string text) => FromMap(YamlMap.Parse(file, text));

    /// <summary>Reads an arch from a mapping, e.g. the <c>base:</c> section of a sweep spec.</summary>
    public static ArchSpec FromMap(YamlMap root)
    {
        ArgumentNullException.ThrowIfNull(root);
        root.AllowOnly("name", "clock_ghz", "word_bytes", "tile", "scratchpad", "dram", "costs", "vector");
        var spad = root.RequireMap("scratchpad").AllowOnly("ifmap_kb", "filter_kb", "ofmap_kb");
        var dram = root.RequireMap("dram").AllowOnly("bandwidth_bytes_per_cycle", "latency_cycles", "timing");
        var clockGhz = root.OptionalDouble("clock_ghz", 1.0, 0);
        var timing = dram.Has("timing") ? DramTimingYaml.Read(dram.RequireMap("timing")) : null;
        var wordBytes = root.OptionalLong("word_bytes", 1, min: 1);
        if (wordBytes is not (1 or 2 or 4))
            throw root.ErrorAt("word_bytes", $"{wordBytes} is not a supported operand width", "use 1 (int8), 2 (fp16) or 4 (fp32)");
        return new ArchSpec(
            root.RequireString("name"),
            TileSpecReaders.Read(root.RequireMap("tile")),
            new ScratchpadSpec(Kb(spad, "ifmap_kb"), Kb(spad, "filter_kb"), Kb(spad, "ofmap_kb")),
            DramFields(dram, timing, clockGhz),
            clockGhz,
            (int)wordBytes)
        {
            DramTiming = timing,
            Costs = root.Has("costs") ? CostYaml.Read(root.RequireMap("costs")) : CostSpec.Defaults,
            Vector = root.Has("vector") ? VectorYaml.Read(root.RequireMap("vector")) : VectorUnitSpec.Default,
        };
    }

    /// <summary>
    /// Without <c>timing:</c> both fields come from the YAML as before. With it, an omitted field is derived from the timing
    /// model (<see cref="DramTimingYaml.DerivedDramSpec"/>); a field the YAML gives always wins.
    /// </summary>
    private static DramSpec DramFields(YamlMap dram, DramTimingSpec? timing, double clockGhz)
    {
        if (timing is null)
            return new DramSpec(dram.RequireDouble("bandwidth_bytes_per_cycle", 0), dram.OptionalLong("latency_cycles", 0, min: 0));
        var derived = DramTimingYaml.DerivedDramSpec(timing, clockGhz);
        return new DramSpec(
            dram.OptionalDouble("bandwidth_bytes_per_cycle", derived.BandwidthBytesPerCycle, 0),
            dram.OptionalLong("latency_cycles", derived.LatencyCycles, min: 0));
    }

    private static double Kb(YamlMap spad, string key)
    {
        var kb = spad.RequireDouble(key, 0);
        return kb * 1024 >= 1 ? kb : throw spad.ErrorAt(key, $"{kb} KB is less than one byte", "give the size in KB, e.g. 64");
    }
}
