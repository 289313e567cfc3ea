using Sim.Core.Config;
using Sim.Core.Hardware;

namespace Sim.Core.Tests.Config;

public class PimYamlTests
{
    [Theory]
    [InlineData("neupims")]
    [InlineData("newton")]
    [InlineData("samsung-hbm-pim")]
    [InlineData("aim")]
    public void A_preset_alone_gives_the_preset_and_its_dram(string name)
    {
        var (pim, dram) = PimYaml.Parse("a.yaml", $"pim: {{preset: {name}}}\n");
        var expected = PimPresets.Find(name)!.Value;
        Assert.Equal(expected.Pim, pim);
        Assert.Equal(expected.Dram, dram);
    }

    [Fact]
    public void Snake_case_fields_override_the_preset()
    {
        const string Yaml = """
            pim:
              preset: neupims
              name: wide
              lanes_per_unit: 32
              comp_cycles: 4
              act_weight_in_faw: 1
              min_comps_per_tile: 1
              readout_cycles_per_result: 0
              global_buffer_bytes: 2048
              broadcast_cycles_per_buffer: 192
              banks_per_unit: 2
              act_banks_per_command: 8
              element_bytes: 2
              dual_row_buffer: false
            """;
        var (pim, dram) = PimYaml.Parse("a.yaml", Yaml);
        Assert.Equal(new PimSpec("wide", 32, 2, 2, 4, 8, 1, 1, 0, 2048, 192, false), pim);
        Assert.Equal(DramPresets.NeuPimsHbm2, dram);
    }

    [Theory]
    [InlineData("{preset: hbm3}", "a.yaml:1:15: field 'pim.preset': unknown preset 'hbm3'. Fix: use one of: neupims, newton, samsung-hbm-pim, aim")]
    [InlineData("{lanes_per_unit: 16}", "field 'pim.preset': required field is missing")]
    [InlineData("{preset: neupims, lane_per_unit: 8}", "field 'pim.lane_per_unit': unknown key. Fix: did you mean 'lanes_per_unit'?")]
    [InlineData("{preset: neupims, lanes_per_unit: 0}", "field 'pim.lanes_per_unit': 0 is below the minimum 1")]
    [InlineData("{preset: neupims, lanes_per_unit: 24}", "field 'pim.lanes_per_unit': a COMP column of 24×2 B does not divide the 1024 B row of neupims-hbm2")]
    [InlineData("{preset: neupims, banks_per_unit: 3}", "field 'pim.banks_per_unit': 3 does not divide the 32 banks")]
    [InlineData("{preset: aim, banks_per_unit: 32}", "field 'pim.banks_per_unit': 32 is above the maximum 16")]
    [InlineData("{preset: neupims, global_buffer_bytes: 100}", "field 'pim.global_buffer_bytes': 100 B is not a whole number of 32 B COMP columns")]
    [InlineData("{preset: neupims, dual_row_buffer: yes}", "field 'pim.dual_row_buffer': 'yes' is not a boolean. Fix: write true or false")]
    [InlineData("{preset: neupims, act_banks_per_command: 3}", "field 'pim.act_banks_per_command': 3 banks per activate do not tile the 4-bank groups of a 32-bank neupims-hbm2 channel")]
    [InlineData("{preset: neupims, comp_cycles: fast}", "field 'pim.comp_cycles': 'fast' is not an integer")]
    public void Bad_fields_name_the_line_the_field_and_a_fix(string body, string expected)
    {
        var e = Assert.Throws<SimInputException>(() => PimYaml.Parse("a.yaml", $"pim: {body}\n"));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Contains("Fix:", e.Message, StringComparison.Ordinal);
    }
}
