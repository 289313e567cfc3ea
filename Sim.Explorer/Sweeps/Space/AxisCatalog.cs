using Sim.Core.Hardware;

namespace Sim.Explorer.Sweeps.Space;

/// <summary>What kind of values an axis takes, which decides the YAML forms it accepts.</summary>
public enum AxisValueKind
{
    /// <summary>Whole numbers: a list, a range with an integer step, or a log2 range.</summary>
    Integer,

    /// <summary>Real numbers: also a continuous <c>{min, max}</c> range (random/lhs sampling only).</summary>
    Real,

    /// <summary>Names (dataflow, PE variant) or whole tiles: a list only.</summary>
    Named,
}

/// <summary>One sweepable arch parameter: its name, value kind, which values are valid, and how it changes an arch.</summary>
public sealed record AxisDefinition(string Name, AxisValueKind Kind, Func<double, bool> IsValid, string Fix, Func<ArchSpec, object, ArchSpec> Apply);

/// <summary>
/// The sweepable parameters in grid order (outermost first). <c>rows</c>/<c>cols</c>/<c>dataflow</c> sweep a systolic
/// base tile; <c>tile</c> lists whole tiles instead (read by <see cref="AxisYaml"/>, not listed here).
/// </summary>
public static class AxisCatalog
{
    public const string Tile = "tile";

    public static readonly string[] SystolicShapeAxes = ["rows", "cols", "dataflow"];

    /// <summary>Every axis key in grid order; <c>tile</c> takes the place of rows/cols/dataflow.</summary>
    public static readonly string[] Order =
        ["rows", "cols", "dataflow", Tile, "pe_variant", "ifmap_kb", "filter_kb", "ofmap_kb", "dram_bandwidth_bytes_per_cycle",
         "dram_latency_cycles", "word_bytes", "vector_lanes"];

    private const string Positive = "use a positive number";

    public static IReadOnlyList<AxisDefinition> Numeric { get; } =
    [
        new("rows", AxisValueKind.Integer, v => v is >= 1 and <= int.MaxValue, "use a positive whole number",
            (a, v) => a with { Tile = (SystolicSpec)a.Tile with { Rows = (int)(long)v } }),
        new("cols", AxisValueKind.Integer, v => v is >= 1 and <= int.MaxValue, "use a positive whole number",
            (a, v) => a with { Tile = (SystolicSpec)a.Tile with { Cols = (int)(long)v } }),
        new("ifmap_kb", AxisValueKind.Real, v => v > 0, Positive,
            (a, v) => a with { Scratchpad = a.Scratchpad with { IfmapKb = (double)v } }),
        new("filter_kb", AxisValueKind.Real, v => v > 0, Positive,
            (a, v) => a with { Scratchpad = a.Scratchpad with { FilterKb = (double)v } }),
        new("ofmap_kb", AxisValueKind.Real, v => v > 0, Positive,
            (a, v) => a with { Scratchpad = a.Scratchpad with { OfmapKb = (double)v } }),
        new("dram_bandwidth_bytes_per_cycle", AxisValueKind.Real, v => v > 0, Positive,
            (a, v) => a with { Dram = a.Dram with { BandwidthBytesPerCycle = (double)v } }),
        new("dram_latency_cycles", AxisValueKind.Integer, v => v >= 0, "use a whole number of cycles ≥ 0",
            (a, v) => a with { Dram = a.Dram with { LatencyCycles = (long)v } }),
        new("word_bytes", AxisValueKind.Integer, v => v is 1 or 2 or 4, "use 1 (int8), 2 (fp16) or 4 (fp32)",
            (a, v) => a with { WordBytes = (int)(long)v }),
        new("vector_lanes", AxisValueKind.Integer, v => v is >= 2 and <= Sim.Core.Config.VectorYaml.MaxLanes, "use a whole number of lanes from 2 to 1048576",
            (a, v) => a with { Vector = a.Vector with { Lanes = (int)(long)v } }),
    ];

    public static ArchSpec ApplyDataflow(ArchSpec arch, object value) =>
        arch with { Tile = (SystolicSpec)arch.Tile with { Dataflow = (Dataflow)value } };

    public static ArchSpec ApplyPeVariant(ArchSpec arch, object value) =>
        arch with { Costs = arch.Costs with { Variant = (PeVariant)value } };

    public static ArchSpec ApplyTile(ArchSpec arch, object value) => arch with { Tile = (TileSpec)value };

    public static AxisDefinition? FindNumeric(string name) =>
        Numeric.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.Ordinal));
}
