using Sim.Explorer.Tests.Cli;
using Sim.Explorer.Tests.Import;

namespace Sim.Explorer.Tests.Calibration;

/// <summary>A calibrated arch where a command needs what it does not have (a PE array): exit 2 naming the file and field, never a stack trace.</summary>
public class CalibratedArchCliTests
{
    private const string Arch = """
        name: cal
        clock_ghz: 3
        word_bytes: 4
        tile:
          kind: calibrated
          units: 2
          macs_per_cycle_per_unit: 16
          tile_m: 6
          tile_n: 16
          block_m: 120
          block_n: 1024
          block_k: 512
          efficiency: 0.9
          tile_overhead_cycles: 0
          launch_cycles: 1000
          b_pack_cycles_per_byte: 0.5
        scratchpad:
          ifmap_kb: 240
          filter_kb: 2048
          ofmap_kb: 480
        dram:
          bandwidth_bytes_per_cycle: 4

        """;

    private static string Workload => Path.Combine(RepoPaths.Workloads, "dnn", "resnet18.yaml");

    private static void AssertInputError(int code, string error, params string[] expected)
    {
        Assert.Equal(2, code);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.Contains("Fix:", error, StringComparison.Ordinal);
        foreach (var text in expected)
            Assert.Contains(text, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Sim_map_says_the_calibrated_kind_has_no_loop_nest_model()
    {
        using var dir = new TempDirectory();
        var arch = dir.Write("cal.yaml", Arch);
        var (code, _, error) = CliRunner.Run("map", Workload, "--arch", arch, "-o", dir.File("map"));
        AssertInputError(code, error, "cal.yaml: tile.kind: the calibrated tile kind has no loop-nest model", "sim map", "systolic");
        Assert.False(Directory.Exists(dir.File("map")));
    }

    [Fact]
    public void Sim_run_with_a_mapping_says_the_same_and_without_one_runs()
    {
        using var dir = new TempDirectory();
        var arch = dir.Write("cal.yaml", Arch);
        var mapping = dir.Write("mapping.yaml", "layers: []\n");
        var (code, _, error) = CliRunner.Run("run", arch, Workload, "--mapping", mapping, "-o", dir.File("run"));
        AssertInputError(code, error, "cal.yaml: tile.kind: the calibrated tile kind has no loop-nest model", "sim run --mapping");
        (code, _, error) = CliRunner.Run("run", arch, Workload, "-o", dir.File("run"));
        Assert.True(code == 0, error);
    }

    [Fact]
    public void A_bitweight_pe_variant_on_a_calibrated_tile_is_an_input_error()
    {
        using var dir = new TempDirectory();
        var arch = dir.Write("bw.yaml", Arch.Replace("dram:", "costs:\n  pe_variant: bitweight\ndram:", StringComparison.Ordinal));
        var (code, _, error) = CliRunner.Run("run", arch, Workload, "-o", dir.File("run"));
        AssertInputError(code, error, "bw.yaml: costs.pe_variant: the bit-weight paper has no figures for tile kind 'calibrated'");
        // ent's figures go by peak MACs per second, which a calibrated tile has: it still runs.
        var ent = dir.Write("ent.yaml", Arch.Replace("dram:", "costs:\n  pe_variant: ent\ndram:", StringComparison.Ordinal));
        (code, _, error) = CliRunner.Run("run", ent, Workload, "-o", dir.File("run-ent"));
        Assert.True(code == 0, error);
    }
}
