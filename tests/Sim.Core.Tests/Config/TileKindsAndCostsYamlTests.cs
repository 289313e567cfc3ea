using Sim.Core.Config;
using Sim.Core.Hardware;

namespace Sim.Core.Tests.Config;

public class TileKindsAndCostsYamlTests
{
    private static ArchSpec Parse(string tile, string extra = "") => ArchYaml.Parse("a.yaml", $"""
        name: t
        tile: {tile}
        scratchpad: {"{ifmap_kb: 64, filter_kb: 64, ofmap_kb: 64}"}
        dram: {"{bandwidth_bytes_per_cycle: 16}"}
        {extra}
        """);

    [Fact]
    public void Every_tile_kind_reads_into_its_spec()
    {
        Assert.Equal(new Cube3DSpec(16, 8, 4), Parse("{kind: cube, m: 16, k: 8, n: 4}").Tile);
        Assert.Equal(new AdderTreeSpec(32, 16), Parse("{kind: addertree, lanes: 32, tree_width: 16}").Tile);
        Assert.Equal(new Matrix2DSpec(8, 32), Parse("{kind: matrix2d, rows: 8, cols: 32}").Tile);
        Assert.Equal(4096, Parse("{kind: cube, m: 16, k: 16, n: 16}").Tile.PeCount);
    }

    [Theory]
    [InlineData("{kind: cube, m: 16, k: 16}", "a.yaml:2:7: field 'tile.n': required field")]
    [InlineData("{kind: addertree, lanes: 0, tree_width: 16}", "field 'tile.lanes'")]
    [InlineData("{kind: matrix2d, rows: 8, cols: 8, dataflow: os}", "field 'tile.dataflow': unknown key")]
    [InlineData("{kind: tensorcore, rows: 8}", "unknown tile kind 'tensorcore'. Fix: use one of: addertree, calibrated, cube, matrix2d, systolic")]
    public void Bad_tiles_are_reported_with_the_field(string tile, string expected)
    {
        var e = Assert.Throws<SimInputException>(() => Parse(tile));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Costs_are_optional_and_read_when_given()
    {
        Assert.Equal(CostSpec.Defaults, Parse("{kind: cube, m: 8, k: 8, n: 8}").Costs);
        var costs = Parse("{kind: cube, m: 8, k: 8, n: 8}", "costs: {pe_variant: ent, mac_pj: 0.5, dram_pj_per_byte: 0, sram_area_um2_per_kb: 900}").Costs;
        Assert.Equal(new CostSpec(PeVariant.EnT, MacPj: 0.5, DramPjPerByte: 0, SramAreaUm2PerKb: 900), costs);
    }

    [Theory]
    [InlineData("costs: {pe_variant: booth}", "field 'costs.pe_variant': unknown PE variant 'booth'. Fix: use mac, bitweight or ent")]
    [InlineData("costs: {mac_pj: -1}", "field 'costs.mac_pj': -1 is not a valid cost")]
    [InlineData("costs: {mac_pJ: 1}", "field 'costs.mac_pJ': unknown key. Fix: did you mean 'mac_pj'?")]
    public void Bad_costs_are_reported_with_the_field(string extra, string expected)
    {
        var e = Assert.Throws<SimInputException>(() => Parse("{kind: cube, m: 8, k: 8, n: 8}", extra));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }
}
