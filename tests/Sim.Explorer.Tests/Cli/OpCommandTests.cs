using System.Text.Json;

namespace Sim.Explorer.Tests.Cli;

public class OpCommandTests
{
    private static readonly string[] s_requiredKeys =
    [
        "compute_cycles", "stall_cycles", "total_cycles", "utilization", "mapping_efficiency",
        "sram_reads_ifmap", "sram_reads_filter", "sram_writes_ofmap", "dram_reads_ifmap", "dram_reads_filter", "dram_writes_ofmap",
    ];

    [Fact]
    public void Json_has_the_scalesim_named_fields_with_the_model_values()
    {
        var (code, output, error) = CliRunner.Run("op", "gemm", "--m", "100", "--n", "300", "--k", "1000", "--array", "32x8",
            "--dataflow", "os", "--mode", "scalesim", "--json");
        Assert.Equal(0, code);
        Assert.Equal("", error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        foreach (var key in s_requiredKeys)
            Assert.True(root.TryGetProperty(key, out _), $"missing {key}");
        Assert.Equal(157_775, root.GetProperty("compute_cycles").GetInt64());
        Assert.Equal(0, root.GetProperty("stall_cycles").GetInt64());
        Assert.Equal(3_800_000, root.GetProperty("sram_reads_ifmap").GetInt64());
        Assert.Equal(1_200_000, root.GetProperty("sram_reads_filter").GetInt64());
        // A (100,000 B) exceeds the 64 KB ifmap scratchpad, so each of the 38 column folds re-reads it; B is read once.
        Assert.Equal(3_800_000, root.GetProperty("dram_reads_ifmap").GetInt64());
        Assert.Equal(300_000, root.GetProperty("dram_reads_filter").GetInt64());
        Assert.Equal(30_000, root.GetProperty("dram_writes_ofmap").GetInt64());
    }

    [Fact]
    public void Finite_dram_bandwidth_produces_stalls()
    {
        var (code, output, _) = CliRunner.Run("op", "gemm", "--m", "64", "--n", "64", "--k", "64", "--array", "8x8", "--dataflow", "ws",
            "--dram-bw", "1", "--json");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.True(json.RootElement.GetProperty("stall_cycles").GetInt64() > 0);
        Assert.Equal(json.RootElement.GetProperty("compute_cycles").GetInt64() + json.RootElement.GetProperty("stall_cycles").GetInt64(),
            json.RootElement.GetProperty("total_cycles").GetInt64());
    }

    [Fact]
    public void Table_output_names_the_cycles()
    {
        var (code, output, _) = CliRunner.Run("op", "gemm", "--m", "4", "--n", "4", "--k", "4", "--array", "4x4");
        Assert.Equal(0, code);
        Assert.Contains("compute cycles", output, StringComparison.Ordinal);
        Assert.Contains("10", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--array 32by8", "--array: '32by8' is not an array shape. Fix: write ROWSxCOLS")]
    [InlineData("--array 0x8", "--array: '0x8' is not an array shape")]
    [InlineData("--dataflow xs", "--dataflow: 'xs' is not a dataflow. Fix: use os, ws or is")]
    [InlineData("--mode fast", "--mode: 'fast' is not a mode")]
    [InlineData("--sram-kb 64,64", "--sram-kb: '64,64' is not three sizes")]
    [InlineData("--dram-bw -3", "--dram-bw: -3 must be a positive number")]
    [InlineData("--m 0", "--m: 0 must be at least 1")]
    [InlineData("--m ten", "error: Cannot parse argument 'ten' for option '--m'")]
    [InlineData("--frobnicate 1", "error: Unrecognized command or argument '--frobnicate'")]
    public void Bad_flags_exit_2_with_a_clear_message(string flags, string expected)
    {
        var args = new List<string> { "op", "gemm", "--n", "8", "--k", "8" };
        if (!flags.StartsWith("--m ", StringComparison.Ordinal))
            args.AddRange(["--m", "8"]);
        args.AddRange(flags.Split(' '));
        var (code, output, error) = CliRunner.Run([.. args]);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal); // no stack trace
    }

    [Fact]
    public void Missing_required_flag_exits_2()
    {
        var (code, _, error) = CliRunner.Run("op", "gemm", "--m", "8", "--n", "8");
        Assert.Equal(2, code);
        Assert.Contains("--k", error, StringComparison.Ordinal);
        Assert.Contains("sim op gemm --help", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Best_dataflow_reports_the_fastest_of_the_three()
    {
        // GEMV 1x300x100 on 32x32 in SCALE-Sim mode: OS 1619, WS 3799, IS 1575 cycles.
        var (code, output, _) = CliRunner.Run("op", "gemm", "--m", "1", "--n", "300", "--k", "100", "--dataflow", "best", "--mode", "scalesim", "--json");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("is", json.RootElement.GetProperty("dataflow").GetString());
        Assert.Equal(1575, json.RootElement.GetProperty("total_cycles").GetInt64());
    }
}
