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
    [InlineData("--array 70000x8", "--array: '70000x8' is not an array shape")]
    [InlineData("--dram-latency -5 --dram-bw 8", "--dram-latency: -5 is negative")]
    [InlineData("--dram-latency 10", "--dram-latency: a latency needs a finite --dram-bw")]
    [InlineData("--dram-bw 1e-300", "error: the result does not fit 64-bit cycle or byte counters")]
    [InlineData("--sram-kb 1e-9,1,1", "--sram-kb: '1e-9,1,1' is not three sizes of at least one byte")]
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

    [Fact]
    public void Gemm_too_large_for_64_bit_counters_exits_2()
    {
        var (code, output, error) = CliRunner.Run("op", "gemm", "--m", "3000000000", "--n", "3000000000", "--k", "3000000000", "--json");
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains("does not fit 64-bit", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Single_mac_on_a_single_pe_takes_one_cycle_even_in_scalesim_mode()
    {
        // SCALE-Sim's count would be 1·(1+1+1-2) - 1 = 0, which makes utilization infinite; we report 1.
        var (code, output, _) = CliRunner.Run("op", "gemm", "--m", "1", "--n", "1", "--k", "1", "--array", "1x1", "--mode", "scalesim", "--json");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(1, json.RootElement.GetProperty("total_cycles").GetInt64());
        Assert.Equal(1.0, json.RootElement.GetProperty("utilization").GetDouble());
    }
}

public class OpCommandEngineTests
{
    [Theory]
    // cube 16x16x16, 64³: kSteps 4, folds 4·4 = 16, depth 1+4+1 = 6, period max(4,16) = 16 → 15·16 + 4 + 5 + 16 = 265.
    [InlineData("cube", "16x16x16", 265)]
    // addertree 16 lanes x 16 wide, 64³: folds 4·4 = 16, depth 6 → 16 + 15·max(64,16) + 64 + 5 = 1045.
    [InlineData("addertree", "16x16", 1045)]
    // matrix2d 32x32, 64³: folds 2·2 = 4, depth 2 → 3·max(64,32) + 64 + 1 + 32 = 289.
    [InlineData("matrix2d", "32x32", 289)]
    public void Every_engine_runs_from_the_cli_with_energy(string kind, string shape, long cycles)
    {
        var (code, output, error) = CliRunner.Run("op", "gemm", "--m", "64", "--n", "64", "--k", "64", "--arch", kind, "--array", shape, "--json");
        Assert.Equal(0, code);
        Assert.Equal("", error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(kind, root.GetProperty("tile_kind").GetString());
        Assert.Equal(cycles, root.GetProperty("compute_cycles").GetInt64());
        Assert.True(root.GetProperty("energy_pj").GetDouble() > root.GetProperty("energy_mac_pj").GetDouble());
        Assert.Equal(2.0 * 64 * 64 * 64 / root.GetProperty("energy_pj").GetDouble(), root.GetProperty("tops_per_w").GetDouble(), 9);
    }

    [Fact]
    public void The_bit_weight_variant_divides_mac_energy_by_the_papers_gain()
    {
        double MacPj(string variant)
        {
            var (_, output, _) = CliRunner.Run("op", "gemm", "--m", "8", "--n", "8", "--k", "8", "--arch", "cube", "--array", "8x8x8", "--pe-variant", variant, "--json");
            using var json = JsonDocument.Parse(output);
            return json.RootElement.GetProperty("energy_mac_pj").GetDouble();
        }

        Assert.Equal(512 * 0.42, MacPj("mac"), 9);           // 512 MACs × 0.42 pJ (cube default)
        Assert.Equal(512 * 0.42 / 1.56, MacPj("bitweight"), 9); // cube energy-efficiency gain 1.56
    }

    [Theory]
    [InlineData("--arch tpu", "--arch: 'tpu' is not a tile kind. Fix: use one of systolic, cube, addertree, matrix2d")]
    [InlineData("--arch cube --array 16x16", "--array: '16x16' is not an array shape. Fix: write MxKxN")]
    [InlineData("--arch matrix2d --dataflow ws", "--dataflow: a matrix2d tile has a fixed dataflow")]
    [InlineData("--pe-variant booth", "--pe-variant: 'booth' is not a PE variant. Fix: use mac, bitweight or ent")]
    public void Bad_engine_flags_exit_2(string flags, string expected)
    {
        var (code, _, error) = CliRunner.Run(["op", "gemm", "--m", "4", "--n", "4", "--k", "4", .. flags.Split(' ')]);
        Assert.Equal(2, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
