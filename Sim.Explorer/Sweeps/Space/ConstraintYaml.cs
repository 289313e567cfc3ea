using System.Globalization;
using Sim.Core.Config;
using Sim.Explorer.Analysis;

namespace Sim.Explorer.Sweeps.Space;

/// <summary>
/// Reads <c>constraints:</c>: a list of single-key mappings <c>metric: value</c> (equal), <c>metric: {min, max}</c>
/// (either or both, inclusive) or <c>metric: {target, tolerance}</c> (relative; tolerance defaults to 0). Metrics are
/// the <see cref="DesignMetrics"/>, known before simulation.
/// </summary>
public static class ConstraintYaml
{
    private static readonly string[] s_bounds = ["min", "max"];

    public static IReadOnlyList<DesignConstraint> Read(YamlMap root)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (!root.Has("constraints"))
            return [];
        var known = DesignMetrics.All.Select(m => m.Name).ToArray();
        var constraints = new List<DesignConstraint>();
        foreach (var item in root.RequireMapList("constraints"))
        {
            var keys = item.Keys.ToList();
            if (keys.Count != 1)
                throw SimInputException.At(item.File, item.Line, item.Column, item.Path, $"a constraint names one metric, this item has {keys.Count}",
                    "write one '- metric: value' item per constraint");
            var name = keys[0];
            if (DesignMetrics.Find(name) is not { } metric)
            {
                if (PointMetrics.Find(name) is not null)
                    throw item.ErrorAt(name, $"'{name}' is a simulation result, but constraints are checked on the arch before simulation",
                        $"optimise it as an objective instead; constraint metrics: {string.Join(", ", known)}");
                item.AllowOnly(known); // throws: unknown metric, with the nearest name
                throw new InvalidOperationException("unreachable");
            }

            constraints.Add(item.HasMap(name)
                ? Bounds(item.RequireMap(name), metric) with { Line = item.Line, Column = item.Column }
                : DesignConstraint.Equal(metric, Number(item, name), item.Line, item.Column));
        }

        return constraints;
    }

    private static DesignConstraint Bounds(YamlMap map, DesignMetric metric)
    {
        map.AllowOnly("min", "max", "target", "tolerance");
        var (line, column) = (map.Line, map.Column);
        if (map.Has("target"))
        {
            var clash = s_bounds.FirstOrDefault(map.Has);
            if (clash is not null)
                throw map.ErrorAt(clash, "a constraint has either {target, tolerance} or {min, max}, not both", $"drop '{clash}' or 'target'");
            var tolerance = map.Has("tolerance") ? Number(map, "tolerance") : 0;
            if (tolerance < 0)
                throw map.ErrorAt("tolerance", $"tolerance {tolerance.ToString(CultureInfo.InvariantCulture)} is negative", "write a relative tolerance ≥ 0, e.g. 0.05 for ±5 %");
            return new DesignConstraint(metric, null, null, Number(map, "target"), tolerance, line, column);
        }

        if (map.Has("tolerance"))
            throw map.ErrorAt("tolerance", "a tolerance needs a target", "add 'target: X' (tolerance is relative to it)");
        double? min = map.Has("min") ? Number(map, "min") : null;
        double? max = map.Has("max") ? Number(map, "max") : null;
        if (min is null && max is null)
            throw SimInputException.At(map.File, line, column, map.Path, "the constraint has no bound", "write {min: X}, {max: Y}, {min: X, max: Y} or {target: T, tolerance: 0.05}");
        if (min > max)
            throw map.ErrorAt("min", $"min {min.Value.ToString(CultureInfo.InvariantCulture)} is greater than max {max!.Value.ToString(CultureInfo.InvariantCulture)}", "make min ≤ max");
        return new DesignConstraint(metric, min, max, null, null, line, column);
    }

    private static double Number(YamlMap map, string key)
    {
        var text = map.RequireString(key);
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
            ? v
            : throw map.ErrorAt(key, $"'{text}' is not a number", "write a number such as 1024 or 2.5");
    }
}
