using System.Globalization;
using Sim.Arch.NpuPim;
using Sim.Core.Workloads.Llm;

namespace Sim.Explorer.Tests.Cli;

public class PrefillOpCommandTests
{
    [Fact]
    public void Prefill_reports_the_layer_the_model_and_the_kv_left_for_decode()
    {
        var (code, output, _) = CliRunner.Run("op", "prefill", "--prompt-tokens", "512", "--requests", "4");
        Assert.Equal(0, code);
        var layer = NpuPimModel.PrefillLayer(NpuPimSystem.NeuPims, LlmPresets.Gpt3Of7B, 512, 4).LayerCycles;
        Assert.Contains(layer.ToString(CultureInfo.InvariantCulture), output, StringComparison.Ordinal);
        Assert.Contains((layer * 32).ToString(CultureInfo.InvariantCulture), output, StringComparison.Ordinal); // 32 layers per device
        // 4 prompts × 512 tokens × 128 KiB per token (2 · 8 heads · 128 · 2 B · 32 layers) = 256 MiB.
        Assert.Contains("0.250", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pipelined_model_reports_one_batchs_kv_per_device()
    {
        // GPT-3 175B (tp 8, pp 4): 2 · 12 heads · 128 · 2 B = 6144 B per token per layer, 24 layers per device;
        // 16 prompts × 2048 tokens → 4,831,838,208 B = 4.5 GiB.
        var (code, output, _) = CliRunner.Run("op", "prefill", "--prompt-tokens", "2048", "--requests", "16", "--model", "gpt3-175b");
        Assert.Equal(0, code);
        Assert.Contains("4.500", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--prompt-tokens", "0", "--prompt-tokens: 0 is outside 1..1048576")]
    [InlineData("--requests", "0", "--requests: 0 is outside 1..65536")]
    [InlineData("--lowering", "flash", "--lowering: unknown lowering 'flash'")]
    [InlineData("--model", "gpt9", "--model: unknown model 'gpt9'")]
    public void Bad_flags_exit_2(string flag, string value, string expected)
    {
        var args = new List<string> { "op", "prefill", "--prompt-tokens", "128" };
        var at = args.IndexOf(flag);
        if (at >= 0)
            args[at + 1] = value;
        else
            args.AddRange([flag, value]);
        var (code, _, error) = CliRunner.Run([.. args]);
        Assert.Equal(2, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
