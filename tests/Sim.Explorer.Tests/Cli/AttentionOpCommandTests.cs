using System.Text.Json;
using Sim.Arch.Attention;
using Sim.Core.Hardware;
using Sim.Core.Workloads;
using AttentionOp = Sim.Core.Workloads.Attention;

namespace Sim.Explorer.Tests.Cli;

public class AttentionOpCommandTests
{
    // The hand case of AttentionModelTests: MQA (2 heads, 1 KV head), prefill 4, d 8, fp16, 2×2 OS array, 384 B on chip.
    private static readonly string[] s_small =
        ["op", "attention", "--batch", "1", "--heads", "2", "--kv-heads", "1", "--seq-q", "4", "--seq-kv", "4", "--head-dim", "8",
         "--array", "2x2", "--sram-kb", "0.125,0.125,0.125", "--dram-bw", "16", "--vector-lanes", "4"];

    [Fact]
    public void Json_lists_every_lowering_with_the_model_values()
    {
        var (code, output, error) = CliRunner.Run([.. s_small, "--json"]);
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        var lowerings = json.RootElement.GetProperty("lowerings").EnumerateArray().ToList();
        Assert.Equal(["unfused", "two-pass", "fused"], lowerings.Select(l => l.GetProperty("lowering").GetString()));
        // Hand-derived in AttentionModelTests: 768 B, 704 B, 384 B.
        Assert.Equal([768L, 704, 384], lowerings.Select(l => l.GetProperty("dram_bytes").GetInt64()));
        Assert.Equal(5, lowerings[0].GetProperty("passes").GetArrayLength());
        var arch = new ArchSpec("cli", new SystolicSpec(2, 2, Dataflow.Os), new ScratchpadSpec(0.125, 0.125, 0.125), new DramSpec(16, 0), 1, 2)
        {
            Vector = VectorUnitSpec.Default with { Lanes = 4 },
        };
        var model = AttentionModel.Evaluate(new AttentionOp("cli", 1, 2, 1, 4, 4, 8, false), arch, AttentionLowering.Fused);
        Assert.Equal(model.TotalCycles, lowerings[2].GetProperty("total_cycles").GetInt64());
        Assert.Equal(model.Energy.TotalPj, lowerings[2].GetProperty("energy_pj").GetDouble(), 6);
        Assert.Equal(model.Block!.Value.Rows, lowerings[2].GetProperty("block_rows").GetInt64());
        Assert.Equal(model.Block!.Value.Cols, lowerings[2].GetProperty("block_cols").GetInt64());
    }

    [Fact]
    public void One_lowering_prints_its_pass_table()
    {
        var (code, output, error) = CliRunner.Run([.. s_small, "--lowering", "two-pass"]);
        Assert.True(code == 0, error);
        Assert.Contains("two-pass", output, StringComparison.Ordinal);
        Assert.DoesNotContain("unfused", output, StringComparison.Ordinal);
        Assert.Contains("normalize", output, StringComparison.Ordinal);
        Assert.Contains("704", output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_infeasible_lowering_is_a_row_not_an_error()
    {
        // 300 B on chip, d 64: a 1×1 fused block needs 518 B; the unfused lowerings need (6 + 4)·2 = 20 B.
        var (code, output, _) = CliRunner.Run("op", "attention", "--batch", "1", "--heads", "1", "--seq-q", "16", "--seq-kv", "16",
            "--head-dim", "64", "--array", "1x1", "--sram-kb", "0.09765625,0.09765625,0.09765625", "--vector-lanes", "1", "--json");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var statuses = json.RootElement.GetProperty("lowerings").EnumerateArray().Select(l => l.GetProperty("status").GetString()).ToList();
        Assert.Equal(["ok", "ok", "infeasible"], statuses);
    }

    [Theory]
    [InlineData("--kv-heads 3", "--kv-heads: 3 does not divide heads 2. Fix:")]
    [InlineData("--causal --seq-q 5", "--seq-q: 5 exceeds seq-kv 4")]
    [InlineData("--lowering flash", "--lowering: 'flash' is not a lowering. Fix: use unfused, two-pass, fused or all")]
    [InlineData("--vector-lanes 0", "--vector-lanes: 0 is out of range. Fix:")]
    [InlineData("--word-bytes 3", "--word-bytes: 3 is not supported. Fix:")]
    [InlineData("--array 2by2", "--array: '2by2' is not an array shape")]
    [InlineData("--head-dim 0", "--head-dim: 0 must be at least 1")]
    [InlineData("--arch tpu", "--arch: 'tpu' is not a tile kind")]
    [InlineData("--fused-block fa2", "--fused-block: 'fa2' is not a block policy. Fix: use auto or fa1")]
    public void Bad_flags_exit_2_with_a_clear_message(string flags, string expected)
    {
        var args = new List<string> { "op", "attention", "--batch", "1", "--heads", "2" };
        var given = flags.Split(' ');
        foreach (var (flag, value) in new[] { ("--seq-q", "4"), ("--seq-kv", "4"), ("--head-dim", "8") })
        {
            if (!given.Contains(flag))
                args.AddRange([flag, value]);
        }

        args.AddRange(given);
        var (code, output, error) = CliRunner.Run([.. args]);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}
