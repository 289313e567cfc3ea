using Sim.Core.Config;
using Sim.Core.Hardware;

namespace Sim.Core.Tests.Config;

public class VectorYamlTests
{
    private const string Arch = """
        name: v
        tile: {kind: systolic, rows: 8, cols: 8, dataflow: os}
        scratchpad: {ifmap_kb: 64, filter_kb: 64, ofmap_kb: 64}
        dram: {bandwidth_bytes_per_cycle: 16}
        """;

    [Fact]
    public void An_arch_without_a_vector_section_gets_the_documented_default()
    {
        var arch = ArchYaml.Parse("a.yaml", Arch);
        Assert.Equal(VectorUnitSpec.Default, arch.Vector);
        Assert.Equal(new VectorUnitSpec(128, 1, 1, 1, 7), arch.Vector);
        Assert.Equal(3 * 64 * 1024, arch.OnChipBufferBytes);
    }

    [Fact]
    public void Every_field_is_read_and_missing_ones_default()
    {
        var arch = ArchYaml.Parse("a.yaml", Arch + "\nvector: {lanes: 256, exp_cycles: 4, pj_per_op: 0.5}\n");
        Assert.Equal(new VectorUnitSpec(256, 1, 1, 1, 4, 0.5), arch.Vector);
        arch = ArchYaml.Parse("a.yaml", Arch + "\nvector: {max_cycles: 2, add_cycles: 3, mul_cycles: 4}\n");
        Assert.Equal(new VectorUnitSpec(128, 2, 3, 4, 7), arch.Vector);
    }

    [Theory]
    [InlineData("{lane: 8}", "a.yaml:5:10: field 'vector.lane': unknown key. Fix: did you mean 'lanes'?")]
    [InlineData("{lanes: 0}", "field 'vector.lanes': 0 is below the minimum 1")]
    [InlineData("{lanes: 99999999}", "field 'vector.lanes': 99999999 is above the maximum 1048576")]
    [InlineData("{exp_cycles: 0}", "field 'vector.exp_cycles': 0 is below the minimum 1")]
    [InlineData("{mul_cycles: fast}", "field 'vector.mul_cycles': 'fast' is not an integer")]
    [InlineData("{pj_per_op: -1}", "field 'vector.pj_per_op': -1 is not a valid energy. Fix:")]
    [InlineData("128", "field 'vector': expected a mapping")]
    public void Bad_vector_fields_name_file_line_field_and_fix(string section, string expected)
    {
        var e = Assert.Throws<SimInputException>(() => ArchYaml.Parse("a.yaml", Arch + "\nvector: " + section + "\n"));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Contains("Fix:", e.Message, StringComparison.Ordinal);
    }
}
