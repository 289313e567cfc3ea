using Sim.Core.Config;
using Sim.Explorer.Analysis;

namespace Sim.Explorer.Sweeps.Space;

/// <summary>
/// Reads <c>objectives:</c>: a list of points.csv metric names (each in its natural direction, <see cref="PointMetric.LowerIsBetter"/>)
/// or <c>{metric: X, goal: min|max}</c>. Absent: <see cref="Objective.Defaults"/> (latency vs PE count).
/// </summary>
public static class ObjectivesYaml
{
    public static IReadOnlyList<Objective> Read(YamlMap root)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (!root.Has("objectives"))
            return Objective.Defaults;
        var items = root.RequirePositionedItems("objectives");
        if (items.Count == 0)
            throw root.ErrorAt("objectives", "the list names no objective", "name at least one metric, e.g. [latency_cycles, energy_pj], or drop 'objectives' for the default (latency_cycles, pe_count)");
        var objectives = new List<Objective>();
        foreach (var (text, map, line, column) in items)
        {
            Objective objective;
            string field;
            if (map is null)
            {
                field = "objectives";
                var metric = Metric(text!, root.File, line, column, field);
                objective = new Objective(metric, !metric.LowerIsBetter);
            }
            else
            {
                map.AllowOnly("metric", "goal");
                field = map.FieldPath("metric");
                var metric = Metric(map.RequireString("metric"), root.File, line, column, field, map);
                var goal = map.OptionalString("goal");
                objective = goal switch
                {
                    null => new Objective(metric, !metric.LowerIsBetter),
                    "min" => new Objective(metric, false),
                    "max" => new Objective(metric, true),
                    _ => throw map.ErrorAt("goal", $"unknown goal '{goal}'", "use min or max"),
                };
            }

            if (objectives.Any(o => o.Name == objective.Name))
                throw SimInputException.At(root.File, line, column, field, $"'{objective.Name}' is listed twice", "list each objective once");
            objectives.Add(objective);
        }

        return objectives;
    }

    private static PointMetric Metric(string name, string file, long line, long column, string field, YamlMap? map = null)
    {
        if (PointMetrics.Find(name) is { } metric)
            return metric;
        var known = PointMetrics.All.Select(m => m.Name).ToList();
        var problem = $"unknown metric '{name}'";
        var fix = $"{NearestName.Hint(name, known)}objectives are points.csv columns: {string.Join(", ", known)}";
        throw map is not null ? map.ErrorAt("metric", problem, fix) : SimInputException.At(file, line, column, field, problem, fix);
    }
}
