using System.Globalization;
using Sim.Core.Config;
using Sim.Core.Hardware;

namespace Sim.Explorer.Import;

/// <summary>
/// Reads a SCALE-Sim v2 config (<c>configs/scale.cfg</c> style INI) as an <see cref="ArchSpec"/>: a systolic tile of
/// ArrayHeight × ArrayWidth PEs, the three operand SRAMs, 1-byte words (SCALE-Sim's word) at 1 GHz, and DRAM that is
/// unlimited for <c>InterfaceBandwidth: CALC</c> or the first <c>Bandwidth</c> value (words/cycle = bytes/cycle) for
/// <c>USER</c>. SCALE-Sim gives each operand buffer its own link of that bandwidth; <see cref="DramSpec"/> is one
/// link shared by all traffic, so USER runs can stall more here.
/// IfmapOffset/FilterOffset/OfmapOffset (trace address bases), MemoryBanks and [network_presets] TopologyCsvLoc
/// are accepted and ignored: they do not change cycle counts or traffic.
/// Stricter than SCALE-Sim, which ignores unknown keys and falls back to os for a bad dataflow: both are errors.
/// </summary>
public static class ScaleSimConfigImporter
{
    private const string General = "general";
    private const string Arch = "architecture_presets";
    private const string Run = "run_presets";
    private const string Network = "network_presets";

    /// <summary>SCALE-Sim's word is one byte (int8), so its words/cycle bandwidth is bytes/cycle.</summary>
    private const int BytesPerWord = 1;

    /// <summary>Known keys per section, in SCALE-Sim's spelling (matched case-insensitively).</summary>
    private static readonly Dictionary<string, string[]> KnownKeys = new(StringComparer.Ordinal)
    {
        [General] = ["run_name"],
        [Arch] = ["ArrayHeight", "ArrayWidth", "IfmapSramSzkB", "FilterSramSzkB", "OfmapSramSzkB", "IfmapOffset", "FilterOffset", "OfmapOffset",
            "Dataflow", "Bandwidth", "MemoryBanks"],
        [Run] = ["InterfaceBandwidth"],
        [Network] = ["TopologyCsvLoc"],
    };

    public static ScaleSimConfig Load(string path)
    {
        if (!File.Exists(path))
            throw new SimInputException($"{path}: file not found. Fix: check the path (relative paths are resolved from the current directory)");
        return Parse(path, File.ReadAllText(path));
    }

    public static ScaleSimConfig Parse(string path, string text)
    {
        var ini = IniDocument.Parse(path, text);
        CheckKnown(path, ini);

        // SCALE-Sim requires run_name; a config without one is named after its file.
        var runName = ini.Find(General, "run_name")?.Value is { Length: > 0 } name ? name : Path.GetFileNameWithoutExtension(path);
        var tile = new SystolicSpec(
            (int)RequirePositive(path, ini, Arch, "ArrayHeight", TileSpecReaders.MaxArraySide),
            (int)RequirePositive(path, ini, Arch, "ArrayWidth", TileSpecReaders.MaxArraySide),
            ReadDataflow(path, ini));
        var scratchpad = new ScratchpadSpec(
            RequirePositive(path, ini, Arch, "IfmapSramSzkB"),
            RequirePositive(path, ini, Arch, "FilterSramSzkB"),
            RequirePositive(path, ini, Arch, "OfmapSramSzkB"));
        return new ScaleSimConfig(runName, new ArchSpec(runName, tile, scratchpad, ReadDram(path, ini), ClockGhz: 1.0, WordBytes: 1));
    }

    private static void CheckKnown(string path, IniDocument ini)
    {
        foreach (var (section, line) in ini.Sections)
        {
            if (!KnownKeys.ContainsKey(section))
                throw SimInputException.At(path, line, 1, section, "unknown section (SCALE-Sim would ignore it)",
                    $"known sections (case-sensitive): {string.Join(", ", KnownKeys.Keys.Select(s => $"[{s}]"))}");
        }

        foreach (var entry in ini.Entries)
        {
            var known = KnownKeys[entry.Section];
            if (!known.Any(k => k.Equals(entry.Key, StringComparison.OrdinalIgnoreCase)))
                throw SimInputException.At(path, entry.Line, 1, $"{entry.Section}.{entry.Key}", "unknown key (SCALE-Sim would silently ignore it)",
                    $"known keys in [{entry.Section}]: {string.Join(", ", known)}");
        }
    }

    private static IniEntry Require(string path, IniDocument ini, string section, string key)
    {
        if (ini.Find(section, key) is { } entry)
            return entry;
        var line = ini.Sections.FirstOrDefault(s => s.Name == section).Line; // 0 (no location) when the section is absent
        throw SimInputException.At(path, line, 1, $"{section}.{key}", "required key is missing",
            line > 0 ? $"add '{key}: ...' to the [{section}] section on line {line}" : $"add a [{section}] section with '{key}: ...'");
    }

    private static double RequirePositive(string path, IniDocument ini, string section, string key, double max = double.MaxValue)
    {
        var entry = Require(path, ini, section, key);
        return ParsePositive(path, entry, key, entry.Value, max);
    }

    /// <summary>SCALE-Sim reads these with Python's int(), so only whole numbers are accepted.</summary>
    private static long ParsePositive(string path, IniEntry entry, string key, string text, double max = double.MaxValue) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 && value <= max
            ? value
            : throw SimInputException.At(path, entry.Line, entry.ValueColumn, $"{entry.Section}.{key}", $"'{text}' is not a positive integer",
                "write a whole number ≥ 1 such as 32");

    private static Dataflow ReadDataflow(string path, IniDocument ini)
    {
        var entry = Require(path, ini, Arch, "Dataflow");
        return DataflowNames.TryParse(entry.Value, out var dataflow)
            ? dataflow
            : throw SimInputException.At(path, entry.Line, entry.ValueColumn, $"{Arch}.Dataflow",
                $"'{entry.Value}' is not a dataflow (SCALE-Sim would warn and run os)", "use os, ws or is");
    }

    private static DramSpec ReadDram(string path, IniDocument ini)
    {
        var mode = ini.Find(Run, "InterfaceBandwidth");
        switch (mode?.Value.ToUpperInvariant())
        {
            case null or "CALC": // SCALE-Sim's default when no USER bandwidth is asked for
                return DramSpec.Unlimited;
            case "USER":
                var entry = ini.Find(Arch, "Bandwidth") ?? throw SimInputException.At(path, mode.Line, mode.ValueColumn, $"{Arch}.Bandwidth",
                    "InterfaceBandwidth is USER but no Bandwidth is given", $"add 'Bandwidth: 10' (words/cycle) to [{Arch}], or use InterfaceBandwidth: CALC");
                var wordsPerCycle = entry.Value.Split(',').Select(v => ParsePositive(path, entry, "Bandwidth", v.Trim())).ToList();
                return new DramSpec(wordsPerCycle[0] * BytesPerWord, 0);
            default:
                throw SimInputException.At(path, mode.Line, mode.ValueColumn, $"{Run}.InterfaceBandwidth", $"'{mode.Value}' is not a bandwidth mode",
                    "use CALC (DRAM never stalls) or USER (Bandwidth words/cycle)");
        }
    }
}
