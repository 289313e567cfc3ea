using System.Globalization;
using Sim.Explorer.Tests.Cli;
using Sim.Explorer.Tests.Import;

namespace Sim.Explorer.Tests.Calibration;

/// <summary>
/// A measured (calibrated) tile in a sweep: its energy and area are unknown (NaN), so energy/area objectives rank no row
/// rather than crash the Pareto step; a bit-weight axis on it is an input error (exit 2), not a stack trace.
/// </summary>
public class CalibratedSweepTests
{
    private static string Spec(string objectives, string extraAxis) => $$"""
        name: calibrated-sweep
        base:
          name: cal
          clock_ghz: 3
          word_bytes: 4
          tile: {kind: calibrated, units: 2, macs_per_cycle_per_unit: 16, tile_m: 6, tile_n: 16, block_m: 120, block_n: 1024, block_k: 512, efficiency: 0.9, tile_overhead_cycles: 0, launch_cycles: 1000, b_pack_cycles_per_byte: 0.5}
          scratchpad: {ifmap_kb: 240, filter_kb: 2048, ofmap_kb: 480}
          dram: {bandwidth_bytes_per_cycle: 4}
        workloads:
          - {{Path.Combine(RepoPaths.Workloads, "dnn", "resnet18.yaml")}}
        axes:
          dram_bandwidth_bytes_per_cycle: [8, 16]
        {{extraAxis}}
        objectives: [{{objectives}}]

        """;

    [Fact]
    public void Energy_and_area_objectives_leave_every_row_off_the_front_instead_of_crashing()
    {
        using var dir = new TempDirectory();
        var spec = dir.Write("spec.yaml", Spec("latency_cycles, energy_pj, area_mm2", ""));
        var (code, _, error) = CliRunner.Run("sweep", spec, "-o", dir.File("out"));
        Assert.True(code == 0, error);
        var lines = File.ReadAllLines(dir.File("out/points.csv"));
        Assert.Equal(3, lines.Length);
        var pareto = Array.IndexOf(lines[0].Split(','), "pareto");
        Assert.True(pareto >= 0);
        Assert.All(lines.Skip(1), l => Assert.Equal("false", l.Split(',')[pareto].ToLower(CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Latency_alone_still_ranks_the_rows()
    {
        using var dir = new TempDirectory();
        var spec = dir.Write("spec.yaml", Spec("latency_cycles", ""));
        var (code, _, error) = CliRunner.Run("sweep", spec, "-o", dir.File("out"));
        Assert.True(code == 0, error);
        var lines = File.ReadAllLines(dir.File("out/points.csv"));
        var pareto = Array.IndexOf(lines[0].Split(','), "pareto");
        Assert.Contains(lines.Skip(1), l => l.Split(',')[pareto].Equals("true", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_bit_weight_axis_on_a_calibrated_tile_is_an_input_error()
    {
        using var dir = new TempDirectory();
        var spec = dir.Write("spec.yaml", Spec("latency_cycles", "  pe_variant: [mac, bitweight]"));
        var (code, _, error) = CliRunner.Run("sweep", spec, "-o", dir.File("out"));
        Assert.Equal(2, code);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.Contains("pe_variant", error, StringComparison.Ordinal);
        Assert.Contains("calibrated", error, StringComparison.Ordinal);
        Assert.Contains("Fix:", error, StringComparison.Ordinal);
    }
}
