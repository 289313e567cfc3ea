using Sim.Core.Config;
using Sim.Explorer.Plots;
using Sim.Explorer.Sweeps.Space;

namespace Sim.Explorer.Sweeps;

/// <summary>
/// The two swept axes the utilization heatmap spans: <c>heatmap: {x: AXIS, y: AXIS}</c> in a spec (x = the heatmap's
/// columns, y = its rows); default y = rows, x = cols, the array's own shape. A named axis must be swept (in
/// <c>axes:</c>) as a list or a range: an unswept one gives one cell, a continuous one a cell per sampled point.
/// </summary>
public sealed record HeatmapSpec(string Y, string X)
{
    public const string Key = "heatmap";

    public static HeatmapSpec Default { get; } = new("rows", "cols");

    public HeatmapAxis RowAxis => HeatmapAxis.Find(Y)!;

    public HeatmapAxis ColAxis => HeatmapAxis.Find(X)!;

    public static HeatmapSpec Read(YamlMap root)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (!root.Has(Key))
            return Default;
        var map = root.RequireMap(Key).AllowOnly("x", "y");
        var axes = root.Has("axes") ? root.RequireMap("axes") : null;
        var continuous = AxisYaml.ContinuousKeys(axes).ToHashSet(StringComparer.Ordinal);
        string Axis(string key)
        {
            var name = map.RequireString(key);
            if (HeatmapAxis.Find(name) is null)
                throw map.ErrorAt(key, $"'{name}' is not an axis a heatmap can span",
                    $"{NearestName.Hint(name, HeatmapAxis.ByAxisName.Keys)}use one of {string.Join(", ", HeatmapAxis.ByAxisName.Keys)}");
            if (axes is null || !axes.Has(name))
                throw map.ErrorAt(key, $"'{name}' is not swept here, so the heatmap would have a single {(key == "x" ? "column" : "row")}",
                    axes is null ? "add it to 'axes:', or drop 'heatmap:'" : $"span swept axes: {string.Join(", ", HeatmapAxis.ByAxisName.Keys.Where(axes.Has))}");
            if (continuous.Contains(name))
                throw map.ErrorAt(key, $"'{name}' is a continuous axis: every sampled point would get its own heatmap cell",
                    $"give '{name}' a step or log2 scale, or span other axes");
            return name;
        }

        var spec = new HeatmapSpec(Axis("y"), Axis("x"));
        if (spec.X == spec.Y)
            throw map.ErrorAt("x", $"x and y are both '{spec.X}'", "span two different axes");
        return spec;
    }
}
