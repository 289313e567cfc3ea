using Sim.Core.Config;
using Sim.Explorer.Inputs;
using Sim.Explorer.Sweeps;

namespace Sim.Explorer.Tests.Sweeps;

public class SearchSpecYamlTests
{
    private const string Spec = """
        name: s
        base:
          name: b
          tile: {kind: systolic, rows: 8, cols: 8, dataflow: os}
          scratchpad: {ifmap_kb: 8, filter_kb: 8, ofmap_kb: 4}
          dram: {bandwidth_bytes_per_cycle: 4, latency_cycles: 50}
        workloads: [w.yaml]
        axes:
          rows: [4, 8]
          cols: [4, 8]
        search: {strategy: nsga2, population: 8, generations: 3}
        """;

    private static SweepSpec Load(TempDirectory dir, string spec)
    {
        dir.Write("w.yaml", "name: tiny\nops:\n  - {name: g, kind: gemm, m: 64, n: 32, k: 48}\n");
        return SweepSpecYaml.Read(InputFile.Read(dir.Write("sweep.yaml", spec)));
    }

    [Fact]
    public void Reads_the_search_with_defaults_and_a_grid_spec_has_none()
    {
        using var dir = new TempDirectory();
        Assert.Equal(new SearchSpec("nsga2", 8, 3, 1, SearchReference.None), Load(dir, Spec).Search);
        var withAll = Spec.Replace("generations: 3}", "generations: 3, reference: grid, seed: 9}", StringComparison.Ordinal);
        Assert.Equal(new SearchSpec("nsga2", 8, 3, 9, SearchReference.Grid), Load(dir, withAll).Search);
        Assert.Null(Load(dir, Spec.Replace("search:", "# search:", StringComparison.Ordinal)).Search);
    }

    [Fact]
    public void A_search_may_range_over_a_continuous_axis_when_it_has_no_reference_grid()
    {
        using var dir = new TempDirectory();
        var spec = Load(dir, Spec.Replace("cols: [4, 8]", "cols: [4, 8]\n  dram_bandwidth_bytes_per_cycle: {min: 4, max: 8}", StringComparison.Ordinal));
        Assert.Equal(3, new SweepAxesSpace(spec).Genes);
    }

    [Theory]
    [InlineData("strategy: nsga2", "strategy: random", "sweep.yaml:11:20: field 'search.strategy': unknown strategy 'random'. Fix: use nsga2")]
    [InlineData("population: 8", "population: 7", "field 'search.population': population 7 is odd. Fix: use an even number")]
    [InlineData("population: 8", "population: 2", "field 'search.population': 2 is below the minimum 4")]
    [InlineData("generations: 3", "generations: 0", "field 'search.generations': 0 is below the minimum 1")]
    [InlineData("generations: 3", "generations: 3, reference: full", "field 'search.reference': unknown reference 'full'. Fix: use none, or grid")]
    [InlineData("generations: 3", "generations: 3, seeds: 2", "field 'search.seeds': unknown key. Fix: did you mean 'seed'?")]
    [InlineData("strategy: nsga2, ", "", "field 'search.strategy': required field is missing")]
    [InlineData("cols: [4, 8]", "cols: [4]", "sweep.yaml:11:9: field 'search': a search needs at least 2 axes with more than one value, but only 'rows' has a choice. Fix: sweep the grid instead")]
    [InlineData("search: {", "serch: {", "field 'serch': unknown key. Fix: did you mean 'search'?")]
    [InlineData("search: {", "sampling: {method: lhs, points: 4}\nsearch: {", "field 'sampling': a search chooses its own points, so 'sampling' does not apply. Fix: drop 'sampling:'")]
    [InlineData("cols: [4, 8]", "cols: [4, 8]\n  dram_bandwidth_bytes_per_cycle: {min: 4, max: 8}", "field 'axes.dram_bandwidth_bytes_per_cycle': 'dram_bandwidth_bytes_per_cycle' is a continuous range, so the search's reference grid cannot enumerate it")]
    public void Malformed_searches_name_the_file_line_field_and_fix(string find, string replace, string expected)
    {
        using var dir = new TempDirectory();
        var spec = expected.Contains("reference grid", StringComparison.Ordinal)
            ? Spec.Replace(find, replace, StringComparison.Ordinal).Replace("generations: 3}", "generations: 3, reference: grid}", StringComparison.Ordinal)
            : Spec.Replace(find, replace, StringComparison.Ordinal);
        var e = Assert.Throws<SimInputException>(() => Load(dir, spec));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }
}
