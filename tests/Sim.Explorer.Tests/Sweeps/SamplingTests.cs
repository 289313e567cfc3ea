using System.Text.Json;
using CsCheck;
using Sim.Explorer.Sweeps;
using Sim.Explorer.Sweeps.Space;

namespace Sim.Explorer.Tests.Sweeps;

public class SamplingTests
{
    private const string Axes = """
        axes:
          rows: {min: 4, max: 128, step: 4}
          cols: {min: 4, max: 256, scale: log2}
          dataflow: [os, ws, is]
          dram_bandwidth_bytes_per_cycle: {min: 8, max: 128}

        """;

    private static List<string> Ids(string text) => [.. SweepPlan.Expand(SpecFixture.Load(text)).Select(p => p.Id)];

    [Fact]
    public void Each_axis_of_a_latin_hypercube_has_one_sample_per_stratum()
    {
        Gen.Select(Gen.Int[1, 80], Gen.Int[1, 5], Gen.Int[0, int.MaxValue]).Sample((n, k, seed) =>
        {
            var samples = LatinHypercube.Sample(n, k, new Random(seed));
            return samples.Length == n && Enumerable.Range(0, k).All(d =>
                samples.All(s => s[d] is >= 0 and < 1)
                && samples.Select(s => (int)Math.Floor(s[d] * n)).Order().SequenceEqual(Enumerable.Range(0, n)));
        });
    }

    [Fact]
    public void A_continuous_axis_sampled_by_lhs_puts_one_value_in_each_of_n_equal_slices()
    {
        var spec = SpecFixture.Load(Axes + "sampling: {method: lhs, points: 24}\n");
        var bandwidths = SweepPlan.Expand(spec).Select(p => p.Arch.Dram.BandwidthBytesPerCycle).ToList();
        Assert.Equal(24, bandwidths.Count);
        Assert.Equal(Enumerable.Range(0, 24), bandwidths.Select(b => (int)Math.Floor((b - 8) / (120.0 / 24))).Order());
    }

    [Theory]
    [InlineData("random")]
    [InlineData("lhs")]
    public void The_same_seed_gives_the_same_plan_and_another_seed_another(string method)
    {
        var sampling = $"sampling: {{method: {method}, points: 30}}\n";
        var first = Ids(Axes + sampling);
        Assert.Equal(30, first.Count);
        Assert.Equal(first, Ids(Axes + sampling));
        Assert.Equal(first, Ids("seed: 1\n" + Axes + sampling)); // 1 is the default
        var other = Ids("seed: 2\n" + Axes + sampling);
        Assert.NotEqual(first, other);
        Assert.True(first.Intersect(other).Count() < 5, "two seeds should draw mostly different points");
    }

    [Fact]
    public void Random_draws_are_uniform_over_a_lists_values()
    {
        // 8 values × 2000 draws each: a fair draw lands within ±15 % of 2000 per value (σ ≈ 42, so that is ±7σ).
        var list = new DiscreteDomain([.. Enumerable.Range(0, 8).Select(i => (object)(long)(1 << i))]);
        var rng = new Random(5);
        var counts = Enumerable.Range(0, 16000).Select(_ => list.At(rng.NextDouble())).GroupBy(v => v).Select(g => g.Count()).ToList();
        Assert.Equal(8, counts.Count);
        Assert.All(counts, c => Assert.InRange(c, 1700, 2300));
    }

    [Fact]
    public void Duplicate_draws_are_kept_once_and_counted()
    {
        var plan = SweepPlan.Build(SpecFixture.Load("axes:\n  rows: [4, 8]\nsampling: {method: random, points: 10}\n"));
        Assert.Equal(10, plan.Draws);
        Assert.Equal(2, plan.Points.Count);
        Assert.Equal(8, plan.Duplicates);
        Assert.Equal([0, 1], plan.Points.Select(p => p.Index));
    }

    [Fact]
    public void The_manifest_records_the_method_points_and_seed()
    {
        using var dir = new TempDirectory();
        var spec = SpecFixture.Load(dir, "seed: 9\naxes:\n  rows: [4, 8, 16]\nsampling: {method: lhs, points: 3}\n");
        SweepRunner.Run(spec, Path.Combine(dir.Path, "out"), 1, false);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.Path, "out", "manifest.json")));
        var root = manifest.RootElement;
        Assert.Equal("lhs", root.GetProperty("strategy").GetString());
        Assert.Equal(9, root.GetProperty("seed").GetInt32());
        Assert.Equal(3, root.GetProperty("sampling").GetProperty("points").GetInt32());
        Assert.Equal([4, 8, 16], root.GetProperty("axes").GetProperty("rows").EnumerateArray().Select(e => e.GetInt32()));
        // Three strata over three values: an LHS of 3 visits each rows value once.
        Assert.Equal([4, 8, 16], SpecFixture.Shapes(spec).Select(s => s.Rows).Order());
    }
}
