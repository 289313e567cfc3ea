using System.Globalization;
using Sim.Core.Config;
using Sim.Core.Hardware;
using Sim.Explorer.Inputs;

namespace Sim.Explorer.Sweeps;

/// <summary>
/// Reads and validates a sweep spec before anything runs. Shape:
/// <code>
/// name: default
/// mode: default            # or scalesim
/// base: { ...an arch... }  # same schema as an arch file
/// workloads: [../dnn/resnet18.yaml, ...]   # relative to this file; .yaml or SCALE-Sim .csv
/// axes: { rows: [..], cols: [..], dataflow: [os, ws, is],      # systolic base: the product is the tile axis
///         tile: [{kind: cube, m: 8, k: 4, n: 8}, ...],          # or: whole tiles of any kind (not with rows/cols/dataflow)
///         pe_variant: [mac, bitweight, ent],
///         ifmap_kb: [..], filter_kb: [..], ofmap_kb: [..], dram_bandwidth_bytes_per_cycle: [..] }
/// </code>
/// </summary>
public static class SweepSpecYaml
{
    private static readonly string[] s_gridAxes = ["rows", "cols", "dataflow"];

    private static readonly string[] s_axes = ["rows", "cols", "dataflow", "tile", "pe_variant", "ifmap_kb", "filter_kb", "ofmap_kb", "dram_bandwidth_bytes_per_cycle"];

    public static SweepSpec Read(InputFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var root = YamlMap.Parse(file.DisplayPath, file.Text).AllowOnly("name", "description", "mode", "base", "workloads", "axes", SearchSpecYaml.Key);
        var name = root.RequireString("name");
        if (name.Length == 0 || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || name.Contains(' ', StringComparison.Ordinal))
            throw root.ErrorAt("name", $"'{name}' cannot be used as a folder name", "use letters, digits, '-' and '_'");

        var modeText = root.OptionalString("mode") ?? "default";
        var mode = modeText switch
        {
            "default" => SimMode.Default,
            "scalesim" => SimMode.ScaleSim,
            _ => throw root.ErrorAt("mode", $"unknown mode '{modeText}'", "use default or scalesim"),
        };

        var baseArch = ArchYaml.FromMap(root.RequireMap("base"));

        var workloads = root.RequireValueOrMapList("workloads")
            .Select(w => SweepWorkloadEntry.Load(w.Text, w.Map, file.Directory))
            .ToList();
        var duplicate = workloads.GroupBy(w => w.Item2.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw root.ErrorAt("workloads", $"two workloads are named '{duplicate.Key}'", "list each workload once (points are keyed by workload name)");

        var axes = root.Has("axes") ? root.RequireMap("axes").AllowOnly(s_axes) : null;
        var tiles = Tiles(axes, baseArch.Tile);
        RejectSharedMacOverrides(root, baseArch, tiles);
        var spad = baseArch.Scratchpad;
        return SearchSpecYaml.Attach(root, new SweepSpec(
            name,
            file.DisplayPath,
            file.Text,
            mode,
            baseArch,
            workloads,
            tiles,
            Axis(axes, "pe_variant", baseArch.Costs.Variant, t => PeVariantNames.TryParse(t, out var v) ? v : null),
            Axis(axes, "ifmap_kb", spad.IfmapKb, ParsePositive),
            Axis(axes, "filter_kb", spad.FilterKb, ParsePositive),
            Axis(axes, "ofmap_kb", spad.OfmapKb, ParsePositive),
            Axis(axes, "dram_bandwidth_bytes_per_cycle", baseArch.Dram.BandwidthBytesPerCycle, ParsePositive)));
    }

    /// <summary>
    /// A MAC energy or area given in <c>base.costs</c> is a figure for one tile kind; applied to every kind of a mixed
    /// tile axis it would silently give, say, a systolic array the cube's MAC. Per-kind defaults apply instead.
    /// </summary>
    private static void RejectSharedMacOverrides(YamlMap root, ArchSpec baseArch, List<TileSpec> tiles)
    {
        if (tiles.Select(t => t.Kind).Distinct(StringComparer.Ordinal).Count() < 2)
            return;
        var key = baseArch.Costs.MacPj is not null ? "mac_pj" : baseArch.Costs.MacAreaUm2 is not null ? "mac_area_um2" : null;
        if (key is not null)
            throw root.RequireMap("base").RequireMap("costs").ErrorAt(key, $"'{key}' would apply to every tile kind of the 'tile' axis ({string.Join(", ", tiles.Select(t => t.Kind).Distinct(StringComparer.Ordinal))})",
                "drop it (each kind then uses its own default) or sweep one tile kind per spec");
    }

    /// <summary>
    /// The tile axis: a <c>tile:</c> list of whole tiles; or, for a systolic base, the rows × cols × dataflow product
    /// (rows outer, dataflow inner); or just the base tile.
    /// </summary>
    private static List<TileSpec> Tiles(YamlMap? axes, TileSpec baseTile)
    {
        var gridAxis = axes is null ? null : s_gridAxes.FirstOrDefault(axes.Has);
        if (axes is not null && axes.Has("tile"))
        {
            if (gridAxis is not null)
                throw axes.ErrorAt(gridAxis, $"'{gridAxis}' cannot be combined with a 'tile' axis, which lists whole tiles", $"drop '{gridAxis}' or put the shapes into the 'tile' list");
            var tiles = new List<TileSpec>();
            foreach (var item in axes.RequireMapList("tile"))
            {
                var tile = TileSpecReaders.Read(item);
                if (tiles.Contains(tile))
                    throw SimInputException.At(item.File, item.Line, item.Column, item.Path, $"the tile '{TileGrid.Of(tile).Label}' is listed twice", "list each tile once");
                tiles.Add(tile);
            }

            return tiles;
        }

        if (baseTile is not SystolicSpec systolic)
        {
            if (gridAxis is not null)
                throw axes!.ErrorAt(gridAxis, $"'{gridAxis}' sweeps a systolic base tile, but the base tile is a '{baseTile.Kind}'", "list the tiles in a 'tile' axis instead");
            return [baseTile];
        }

        return [.. from rows in Axis(axes, "rows", systolic.Rows, ParsePositiveInt)
                   from cols in Axis(axes, "cols", systolic.Cols, ParsePositiveInt)
                   from dataflow in Axis(axes, "dataflow", systolic.Dataflow, t => DataflowNames.TryParse(t, out var d) ? d : null)
                   select (TileSpec)new SystolicSpec(rows, cols, dataflow)];
    }

    /// <summary>The axis' values in file order (duplicates rejected), or the base value when the axis is absent.</summary>
    private static List<T> Axis<T>(YamlMap? axes, string key, T baseValue, Func<string, T?> parse)
        where T : struct
    {
        if (axes is null || !axes.Has(key))
            return [baseValue];
        var values = new List<T>();
        foreach (var (text, line, column) in axes.RequireScalarList(key))
        {
            var value = parse(text) ?? throw SimInputException.At(axes.File, line, column, axes.FieldPath(key),
                $"'{text}' is not a valid value", key switch
                {
                    "dataflow" => "use os, ws or is",
                    "pe_variant" => "use mac, bitweight or ent",
                    _ => "use a positive number",
                });
            if (values.Contains(value))
                throw SimInputException.At(axes.File, line, column, axes.FieldPath(key), $"'{text}' is listed twice", "list each value once");
            values.Add(value);
        }

        return values;
    }

    private static int? ParsePositiveInt(string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v > 0 ? v : null;

    private static double? ParsePositive(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v > 0 && double.IsFinite(v) ? v : null;
}
