using Sim.Core.Config;
using Sim.Core.Hardware;

namespace Sim.Core.Tests.Config;

public class SparseTileYamlTests
{
    private static SparseTileSpec Read(string tile) => SparseTileYaml.Read(YamlMap.Parse("s.yaml", "tile: " + tile).RequireMap("tile"));

    [Fact]
    public void Defaults_are_gamma()
    {
        var gamma = Read("{kind: sparse}");
        Assert.Equal(SparseTileSpec.Gamma, gamma);
        Assert.Equal((32, 64, 3L * 1024 * 1024, 128.0, 12), (gamma.Pes, gamma.MergerRadix, gamma.CacheBytes, gamma.DramBytesPerCycle, gamma.ElementBytes));
    }

    [Fact]
    public void Every_field_is_read()
    {
        var t = Read("{kind: sparse, pes: 8, multipliers_per_pe: 2, merge_ops_per_pe: 3, merger_radix: 16, accumulator_entries: 100, cache_kb: 0, value_bytes: 4, index_bytes: 2, dram_bytes_per_cycle: 64, clock_ghz: 1.5, load_factor: 1}");
        Assert.Equal(new SparseTileSpec(8, 2, 3, 16, 100, 0, 4, 2, 64, 1.5, 1.0), t);
        Assert.Equal(0.75, Read("{}").LoadFactor);
    }

    [Theory]
    [InlineData("{kind: sparse, pe: 8}", "s.yaml:1:22: field 'tile.pe': unknown key. Fix: did you mean 'pes'?")]
    [InlineData("{kind: systolic}", "field 'tile.kind': 'systolic' is not a sparse tile kind")]
    [InlineData("{merger_radix: 1}", "field 'tile.merger_radix': 1 is below the minimum 2")]
    [InlineData("{value_bytes: 3}", "field 'tile.value_bytes': 3 bytes is not a machine word width. Fix: use 1, 2, 4 or 8")]
    [InlineData("{dram_bytes_per_cycle: 0}", "field 'tile.dram_bytes_per_cycle': 0 must be greater than 0")]
    [InlineData("{load_factor: 0}", "field 'tile.load_factor': 0 must be greater than 0")]
    [InlineData("{load_factor: 1.01}", "field 'tile.load_factor': 1.01 is more than a full table. Fix: use a fraction in (0, 1], e.g. 0.75")]
    [InlineData("{pes: 1048577}", "field 'tile.pes': 1048577 is above the maximum 1048576")]
    [InlineData("{cache_kb: 1073741825}", "field 'tile.cache_kb'")]
    public void Bad_fields_name_the_field_and_the_fix(string tile, string expected)
    {
        var e = Assert.Throws<SimInputException>(() => Read(tile));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }
}
