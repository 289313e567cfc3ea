using System.Globalization;
using Sim.Core.Config;
using Sim.Core.Hardware;
using Sim.Explorer.Inputs;
using Sim.Explorer.Sweeps.Space;

namespace Sim.Explorer.Sweeps;

/// <summary>
/// Reads and validates a sweep spec before anything runs (docs/sweep-spec.md is the reference). Shape:
/// <code>
/// name: default
/// mode: default            # or scalesim
/// seed: 1                  # random/lhs sampling seed (default 1)
/// base: { ...an arch... }  # same schema as an arch file
/// workloads: [../dnn/resnet18.yaml, ...]   # relative to this file; .yaml or SCALE-Sim .csv
/// axes: { rows: [..] | {min, max, step} | {min, max, scale: log2}, cols: .., dataflow: [os, ws, is],
///         tile: [{kind: cube, m: 8, k: 4, n: 8}, ...],          # or: whole tiles of any kind (not with rows/cols/dataflow)
///         pe_variant: [mac, bitweight, ent], ifmap_kb / filter_kb / ofmap_kb / dram_bandwidth_bytes_per_cycle: a list,
///         a range or {min, max} (continuous), dram_latency_cycles, word_bytes, vector_lanes }
/// sampling: {method: grid|random|lhs, points: N}
/// constraints: [{pe_count: 1024}, {area_mm2: {max: 2.5}}, {area_mm2: {target: 2, tolerance: 0.05}}]
/// objectives: [latency_cycles, {metric: tops_per_w, goal: max}]
/// </code>
/// </summary>
public static class SweepSpecYaml
{
    public static SweepSpec Read(InputFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var root = YamlMap.Parse(file.DisplayPath, file.Text)
            .AllowOnly("name", "description", "mode", "seed", "base", "workloads", "axes", "sampling", "constraints", "objectives", HeatmapSpec.Key, SearchSpecYaml.Key);
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
        var seed = (int)root.OptionalLong("seed", 1, 0, int.MaxValue);

        var baseArch = ArchYaml.FromMap(root.RequireMap("base"));
        var axes = root.Has("axes") ? root.RequireMap("axes") : null;
        var space = AxisYaml.Read(axes, baseArch);
        var sampling = SweepSampling.Read(root);
        var searched = root.Has(SearchSpecYaml.Key);
        if (searched && root.Has("sampling"))
            throw root.ErrorAt("sampling", "a search chooses its own points, so 'sampling' does not apply", "drop 'sampling:' (or drop 'search:' to sample the space)");
        var continuous = AxisYaml.ContinuousKeys(axes).FirstOrDefault();
        if (!searched && sampling.Method == SamplingMethod.Grid && continuous is not null)
            throw axes!.ErrorAt(continuous, $"'{continuous}' is a continuous range ({{min, max}} with no step), which a grid cannot enumerate",
                "add 'step: X' or 'scale: log2', or sample it with 'sampling: {method: lhs, points: N}' (or random)");
        var constraints = ConstraintYaml.Read(root);
        var objectives = ObjectivesYaml.Read(root);

        var workloads = root.RequireValueOrMapList("workloads")
            .Select(w => SweepWorkloadEntry.Load(w.Text, w.Map, file.Directory))
            .ToList();
        var duplicate = workloads.GroupBy(w => w.Item2.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw root.ErrorAt("workloads", $"two workloads are named '{duplicate.Key}'", "list each workload once (points are keyed by workload name)");

        RejectSharedMacOverrides(root, baseArch, space);
        var spec = SearchSpecYaml.Attach(root, new SweepSpec(name, file.DisplayPath, file.Text, mode, baseArch, workloads, space)
        {
            Sampling = sampling,
            Seed = seed,
            Constraints = constraints,
            Objectives = objectives,
            Heatmap = HeatmapSpec.Read(root),
        });
        if (spec.Search is { Reference: SearchReference.Grid } && continuous is not null)
            throw axes!.ErrorAt(continuous, $"'{continuous}' is a continuous range, so the search's reference grid cannot enumerate it",
                "add 'step: X' or 'scale: log2' to it, or set 'reference: none' in 'search:'");
        // Draws the points now, so an unsatisfiable constraint is an input error before anything runs (a search draws its
        // own points; only its reference grid is a plan).
        if (spec.Search is null or { Reference: SearchReference.Grid })
        {
            RejectHugeGrid(axes, spec);
            SweepPlan.Build(spec);
        }

        return spec;
    }

    /// <summary>The most archs a grid enumerates (each is resolved and checked against the constraints before any runs).</summary>
    public const long MaxGridArchs = 10_000_000;

    /// <summary>A grid past <see cref="MaxGridArchs"/> would take minutes (or all memory) just to plan: an input error instead.</summary>
    private static void RejectHugeGrid(YamlMap? axes, SweepSpec spec)
    {
        if (spec.Sampling.Method != SamplingMethod.Grid || !spec.Space.IsFinite || spec.Space.GridSize <= MaxGridArchs)
            return;
        var widest = spec.Space.Axes.MaxBy(a => ((DiscreteDomain)a.Domain).Count)!;
        var size = spec.Space.GridSize == long.MaxValue ? "more than 9.2e18" : spec.Space.GridSize.ToString("N0", CultureInfo.InvariantCulture);
        var problem = string.Create(CultureInfo.InvariantCulture, $"the grid has {size} archs (the product of the axes' value counts), more than the {MaxGridArchs:N0} a grid enumerates");
        var fix = spec.Search is null
            ? "sample it instead (sampling: {method: lhs, points: N}), search it (search: {strategy: nsga2, ...}), or narrow the axes"
            : "set 'reference: none' in 'search:' (the search itself needs no grid), or narrow the axes";
        throw axes is not null && axes.Has(widest.Name)
            ? axes.ErrorAt(widest.Name, problem, fix)
            : new SimInputException($"{spec.SourcePath}: {problem}. Fix: {fix}");
    }

    /// <summary>
    /// A MAC energy or area given in <c>base.costs</c> is a figure for one tile kind; applied to every kind of a mixed
    /// tile axis it would silently give, say, a systolic array the cube's MAC. Per-kind defaults apply instead.
    /// </summary>
    private static void RejectSharedMacOverrides(YamlMap root, ArchSpec baseArch, DesignSpace space)
    {
        var tiles = space.Axes.FirstOrDefault(a => a.Name == AxisCatalog.Tile)?.Domain is DiscreteDomain tileAxis
            ? tileAxis.Values.Cast<TileSpec>().ToList()
            : [baseArch.Tile];
        if (tiles.Select(t => t.Kind).Distinct(StringComparer.Ordinal).Count() < 2)
            return;
        var key = baseArch.Costs.MacPj is not null ? "mac_pj" : baseArch.Costs.MacAreaUm2 is not null ? "mac_area_um2" : null;
        if (key is not null)
            throw root.RequireMap("base").RequireMap("costs").ErrorAt(key, $"'{key}' would apply to every tile kind of the 'tile' axis ({string.Join(", ", tiles.Select(t => t.Kind).Distinct(StringComparer.Ordinal))})",
                "drop it (each kind then uses its own default) or sweep one tile kind per spec");
    }
}
