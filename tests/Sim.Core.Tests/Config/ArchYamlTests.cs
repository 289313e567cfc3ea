using Sim.Core.Config;
using Sim.Core.Hardware;

namespace Sim.Core.Tests.Config;

public class ArchYamlTests
{
    private const string Valid = """
        name: tpu-like
        clock_ghz: 0.7
        word_bytes: 1
        tile:
          kind: systolic
          rows: 32
          cols: 8
          dataflow: ws
        scratchpad:
          ifmap_kb: 64
          filter_kb: 32
          ofmap_kb: 16
        dram:
          bandwidth_bytes_per_cycle: 16
          latency_cycles: 100
        """;

    [Fact]
    public void Valid_file_loads_every_field()
    {
        var arch = ArchYaml.Parse("a.yaml", Valid);
        Assert.Equal("tpu-like", arch.Name);
        Assert.Equal(new SystolicSpec(32, 8, Dataflow.Ws), arch.Tile);
        Assert.Equal(new ScratchpadSpec(64, 32, 16), arch.Scratchpad);
        Assert.Equal(new DramSpec(16, 100), arch.Dram);
        Assert.Equal(0.7, arch.ClockGhz);
        Assert.Equal(65536, arch.Scratchpad.IfmapBytes);
    }

    [Theory]
    // unknown key, with a suggestion and the line of the key
    [InlineData("rows: 32", "rowz: 32", "a.yaml:6:3: field 'tile.rowz': unknown key. Fix: did you mean 'rows'?")]
    // wrong type
    [InlineData("cols: 8", "cols: eight", "a.yaml:7:9: field 'tile.cols': 'eight' is not an integer")]
    // out of range
    [InlineData("cols: 8", "cols: 0", "a.yaml:7:9: field 'tile.cols': 0 is below the minimum 1")]
    // unknown enum value
    [InlineData("dataflow: ws", "dataflow: xs", "field 'tile.dataflow': unknown dataflow 'xs'. Fix: use os, ws or is")]
    // unknown tile kind lists the known kinds
    [InlineData("kind: systolic", "kind: systolik", "unknown tile kind 'systolik'. Fix: use one of: addertree, calibrated, cube, matrix2d, systolic")]
    // missing required field
    [InlineData("  bandwidth_bytes_per_cycle: 16\n", "", "field 'dram.bandwidth_bytes_per_cycle': required field is missing")]
    // non-positive bandwidth
    [InlineData("bandwidth_bytes_per_cycle: 16", "bandwidth_bytes_per_cycle: -1", "field 'dram.bandwidth_bytes_per_cycle': -1 must be greater than 0")]
    public void Bad_input_names_file_line_field_and_fix(string find, string replace, string expected)
    {
        var e = Assert.Throws<SimInputException>(() => ArchYaml.Parse("a.yaml", Valid.Replace(find, replace, StringComparison.Ordinal)));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.StartsWith("a.yaml:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_yaml_syntax_is_reported_with_a_position()
    {
        var e = Assert.Throws<SimInputException>(() => ArchYaml.Parse("a.yaml", "name: x\ntile: [unclosed\n"));
        Assert.Matches(@"^a\.yaml:\d+:\d+: not valid YAML", e.Message);
    }

    [Fact]
    public void Missing_file_is_reported()
    {
        var e = Assert.Throws<SimInputException>(() => ArchYaml.Load("/nonexistent/arch.yaml"));
        Assert.Contains("/nonexistent/arch.yaml: file not found", e.Message, StringComparison.Ordinal);
    }
}
