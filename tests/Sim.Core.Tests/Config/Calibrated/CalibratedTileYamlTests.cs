using Sim.Core.Config;
using Sim.Core.Hardware;

namespace Sim.Core.Tests.Config.Calibrated;

public class CalibratedTileYamlTests
{
    private const string Good =
        "{kind: calibrated, units: 2, macs_per_cycle_per_unit: 16, tile_m: 6, tile_n: 16, block_m: 120, block_n: 4096, block_k: 256, efficiency: 0.8, tile_overhead_cycles: 10, launch_cycles: 1000, b_pack_cycles_per_byte: 0.25}";

    private static ArchSpec Parse(string tile) => ArchYaml.Parse("c.yaml", $"""
        name: c
        word_bytes: 4
        tile: {tile}
        scratchpad: {"{ifmap_kb: 64, filter_kb: 64, ofmap_kb: 64}"}
        dram: {"{bandwidth_bytes_per_cycle: 8}"}
        """);

    [Fact]
    public void A_calibrated_tile_reads_every_field()
    {
        var tile = Assert.IsType<CalibratedTileSpec>(Parse(Good).Tile);
        Assert.Equal(new CalibratedTileSpec(2, 16, 6, 16, 120, 4096, 256, 0.8, 10, 1000, 0.25), tile);
        Assert.Equal(32, tile.PeCount);
        Assert.Equal("calibrated", tile.Kind);
    }

    [Theory]
    [InlineData("efficiency: 0.8", "efficiency: 1.2", "c.yaml:3:", "field 'tile.efficiency': 1.2 is above 1 (the ISA's peak). Fix:")]
    [InlineData("efficiency: 0.8", "efficiency: 0", "c.yaml:3:", "field 'tile.efficiency': 0 must be greater than 0")]
    [InlineData("units: 2", "units: 0", "c.yaml:3:", "field 'tile.units': 0 is below the minimum 1")]
    [InlineData("launch_cycles: 1000", "launch_cycles: -5", "c.yaml:3:", "field 'tile.launch_cycles': -5 cycles is negative. Fix: use 0 or a positive")]
    [InlineData("tile_overhead_cycles: 10", "tile_overhead_cycles: x", "c.yaml:3:", "field 'tile.tile_overhead_cycles': 'x' is not a number")]
    [InlineData("block_k: 256", "blok_k: 256", "c.yaml:3:", "field 'tile.blok_k': unknown key. Fix: did you mean 'block_k'?")]
    [InlineData(", b_pack_cycles_per_byte: 0.25", "", "c.yaml:3:", "field 'tile.b_pack_cycles_per_byte': required field is missing")]
    public void Bad_fields_name_file_line_field_and_fix(string replace, string with, string where, string expected)
    {
        var e = Assert.Throws<SimInputException>(() => Parse(Good.Replace(replace, with, StringComparison.Ordinal)));
        Assert.Contains(where, e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Contains("Fix:", e.Message, StringComparison.Ordinal);
    }
}
