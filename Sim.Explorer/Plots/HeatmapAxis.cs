using System.Globalization;
using Sim.Explorer.Results;

namespace Sim.Explorer.Plots;

/// <summary>
/// A swept parameter as a heatmap axis: its points.csv column, a label, and each row's value as a label (numeric
/// parameters sort numerically, the others in ordinal order).
/// </summary>
public sealed record HeatmapAxis(string Column, string Label, Func<PointRow, string> Text, Func<PointRow, double>? Number = null)
{
    public static readonly HeatmapAxis Rows = Numeric("p.rows", "array rows", r => r.Rows);
    public static readonly HeatmapAxis Cols = Numeric("p.cols", "array cols", r => r.Cols);

    /// <summary>The swept parameters a heatmap can span, by spec axis name (and by points.csv column).</summary>
    public static IReadOnlyDictionary<string, HeatmapAxis> ByAxisName { get; } = new Dictionary<string, HeatmapAxis>(StringComparer.Ordinal)
    {
        ["rows"] = Rows,
        ["cols"] = Cols,
        ["depth"] = Numeric("p.depth", "array depth", r => r.Depth),
        ["dataflow"] = new("p.dataflow", "dataflow", r => r.Dataflow),
        ["tile"] = new("p.tile", "tile", r => r.Tile),
        ["pe_variant"] = new("p.pe_variant", "PE variant", r => r.PeVariant),
        ["ifmap_kb"] = Numeric("p.ifmap_kb", "ifmap scratchpad (KB)", r => r.IfmapKb),
        ["filter_kb"] = Numeric("p.filter_kb", "filter scratchpad (KB)", r => r.FilterKb),
        ["ofmap_kb"] = Numeric("p.ofmap_kb", "ofmap scratchpad (KB)", r => r.OfmapKb),
        ["dram_bandwidth_bytes_per_cycle"] = Numeric("p.dram_bw_bytes_per_cycle", "DRAM bandwidth (B/cycle)", r => r.DramBandwidthBytesPerCycle),
        ["dram_latency_cycles"] = Numeric("p.dram_latency_cycles", "DRAM latency (cycles)", r => r.DramLatencyCycles),
        ["word_bytes"] = Numeric("p.word_bytes", "word size (B)", r => r.WordBytes),
        ["vector_lanes"] = Numeric("p.vector_lanes", "vector lanes", r => r.VectorLanes),
    };

    /// <summary>The axis for a spec axis name; null for a name that is not a swept parameter.</summary>
    public static HeatmapAxis? Find(string name) => ByAxisName.GetValueOrDefault(name);

    private static HeatmapAxis Numeric(string column, string label, Func<PointRow, double> value) =>
        new(column, label, r => value(r).ToString(CultureInfo.InvariantCulture), value);

    /// <summary>The distinct values of <paramref name="rows"/> on this axis, in axis order.</summary>
    public string[] Values(IEnumerable<PointRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var list = rows.ToList();
        return Number is { } number
            ? [.. list.GroupBy(Text, StringComparer.Ordinal).OrderBy(g => number(g.First())).Select(g => g.Key)]
            : [.. list.Select(Text).Distinct().Order(StringComparer.Ordinal)];
    }
}
