using Sim.Core.Config;

namespace Sim.Explorer.Sweeps;

/// <summary>
/// Reads a spec's optional <c>search:</c> and checks it against the spec's axes:
/// <code>
/// search: {strategy: nsga2, population: 48, generations: 25, reference: grid, seed: 7}
/// </code>
/// population: even, at least 4 (parents pair up); generations: at least 1 (offspring generations after the initial
/// one); reference: none (default) or grid; seed: the spec's top-level <c>seed:</c> when it has one, else
/// <c>search.seed</c>, else 1.
/// </summary>
public static class SearchSpecYaml
{
    public const string Key = "search";

    /// <summary>The spec with its <see cref="SweepSpec.Search"/> set from <paramref name="root"/>'s <c>search:</c> (unchanged when absent).</summary>
    public static SweepSpec Attach(YamlMap root, SweepSpec spec)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(spec);
        if (!root.Has(Key))
            return spec;
        var map = root.RequireMap(Key).AllowOnly("strategy", "population", "generations", "reference", "seed");
        var strategy = map.RequireString("strategy");
        if (strategy != "nsga2")
            throw map.ErrorAt("strategy", $"unknown strategy '{strategy}'", "use nsga2");
        var population = (int)map.RequireLong("population", 4, 100_000);
        if (population % 2 != 0)
            throw map.ErrorAt("population", $"population {population} is odd", $"use an even number (NSGA-II pairs parents into pairs of children), e.g. {population + 1}");
        var generations = (int)map.RequireLong("generations", 1, 100_000);
        var referenceText = map.OptionalString("reference") ?? "none";
        var reference = referenceText switch
        {
            "none" => SearchReference.None,
            "grid" => SearchReference.Grid,
            _ => throw map.ErrorAt("reference", $"unknown reference '{referenceText}'", "use none, or grid to also run the full grid and report what the search saved"),
        };
        if (root.Has("seed") && map.Has("seed"))
            throw map.ErrorAt("seed", "the seed is given twice (here and at the top level)", "keep the top-level 'seed:' only");
        var seed = (int)(root.Has("seed") ? root.RequireLong("seed", 0, int.MaxValue) : map.OptionalLong("seed", 1, 0, int.MaxValue));

        var space = new SweepAxesSpace(spec);
        if (space.Genes < 2)
        {
            var swept = space.GeneAxes.Count == 0 ? "no axis has" : $"only '{space.GeneAxes[0]}' has";
            throw root.ErrorAt(Key, $"a search needs at least 2 axes with more than one value, but {swept} a choice", "sweep the grid instead (drop 'search:'), or add axes to search over");
        }

        return spec with { Search = new SearchSpec(strategy, population, generations, seed, reference) };
    }
}
