using Sim.Core.Config;
using Sim.Explorer.Inputs;
using Sim.Explorer.Reports;
using Sim.Explorer.Sweeps;
using Sim.Explorer.Tests.Plots;

namespace Sim.Explorer.Tests.Sweeps;

public class HeatmapSpecTests
{
    private const string Axes = """
        axes:
          rows: [4, 8]
          ifmap_kb: [8, 16, 32]
          dram_bandwidth_bytes_per_cycle: [4, 8]
        """;

    private static SweepSpec Load(TempDirectory dir, string rest) => SpecFixture.Load(dir, rest);

    [Fact]
    public void Defaults_to_the_array_shape_and_reads_any_two_list_axes()
    {
        using var dir = new TempDirectory();
        Assert.Equal(new HeatmapSpec("rows", "cols"), Load(dir, Axes).Heatmap);
        Assert.Equal(new HeatmapSpec("dram_bandwidth_bytes_per_cycle", "ifmap_kb"),
            Load(dir, Axes + "\nheatmap: {x: ifmap_kb, y: dram_bandwidth_bytes_per_cycle}\n").Heatmap);
    }

    [Theory]
    [InlineData("heatmap: {x: ifmap, y: rows}", "field 'heatmap.x': 'ifmap' is not an axis a heatmap can span. Fix: did you mean 'ifmap_kb'?")]
    [InlineData("heatmap: {x: rows, y: rows}", "field 'heatmap.x': x and y are both 'rows'. Fix: span two different axes")]
    [InlineData("heatmap: {x: rows}", "field 'heatmap.y': required field is missing")]
    [InlineData("heatmap: {x: rows, y: cols, z: dataflow}", "field 'heatmap.z': unknown key")]
    [InlineData("heatmap: {x: word_bytes, y: rows}", "field 'heatmap.x': 'word_bytes' is not swept here, so the heatmap would have a single column. Fix: span swept axes: rows, ifmap_kb, dram_bandwidth_bytes_per_cycle")]
    public void Malformed_heatmaps_name_the_field_and_fix(string heatmap, string expected)
    {
        using var dir = new TempDirectory();
        var e = Assert.Throws<SimInputException>(() => Load(dir, Axes + "\n" + heatmap + "\n"));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_continuous_axis_cannot_be_a_heatmap_axis()
    {
        using var dir = new TempDirectory();
        var spec = Axes.Replace("dram_bandwidth_bytes_per_cycle: [4, 8]", "dram_bandwidth_bytes_per_cycle: {min: 4, max: 8}", StringComparison.Ordinal)
            + "\nsampling: {method: lhs, points: 4}\nheatmap: {x: dram_bandwidth_bytes_per_cycle, y: rows}\n";
        var e = Assert.Throws<SimInputException>(() => Load(dir, spec));
        Assert.Contains("'dram_bandwidth_bytes_per_cycle' is a continuous axis", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sweep_heatmap_spans_the_spec_axes()
    {
        using var dir = new TempDirectory();
        var spec = Load(dir, Axes + "\nheatmap: {x: ifmap_kb, y: dram_bandwidth_bytes_per_cycle}\n");
        SweepRunner.Run(spec, dir.File("out"), 1, false);
        SweepReport.Write(dir.File("out"), spec);
        var text = ImageAssert.SvgText(dir.File("out/utilization_heatmap.svg"));
        Assert.Contains("ifmap scratchpad (KB)", text, StringComparison.Ordinal);
        Assert.Contains("DRAM bandwidth (B/cycle)", text, StringComparison.Ordinal);
    }
}

/// <summary>Step ranges are exact in the written decimals; a tolerance prints as written.</summary>
public class DecimalRangeTests
{
    [Fact]
    public void A_real_step_range_gives_the_written_decimals_and_ends_at_max()
    {
        var spec = SpecFixture.Load("""
            axes: {dram_bandwidth_bytes_per_cycle: {min: 0.1, max: 0.7, step: 0.1}}
            constraints: [{dram_bandwidth_bytes_per_cycle: {max: 0.7}}, {pe_count: {target: 64, tolerance: 0.07}}]
            """);
        var values = SweepPlan.Expand(spec).Select(p => p.Arch.Dram.BandwidthBytesPerCycle).ToList();
        Assert.Equal([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7], values.Distinct());
        Assert.Equal("pe_count = 64 +/- 7%", spec.Constraints[1].ToString()); // not 7.000000000000001%
    }

    [Theory]
    [InlineData("{min: 1e-28, max: 1e-27, step: 1e-29}", 91)]   // below decimal's resolution: doubles
    [InlineData("{min: 1e28, max: 1e30, step: 1e29}", 10)]      // beyond decimal's range: doubles
    public void Extreme_real_ranges_fall_back_to_doubles_instead_of_failing(string range, int count)
    {
        var spec = SpecFixture.Load($"axes: {{dram_bandwidth_bytes_per_cycle: {range}}}");
        Assert.InRange(SweepPlan.Expand(spec).Count, count - 1, count);
    }
}
