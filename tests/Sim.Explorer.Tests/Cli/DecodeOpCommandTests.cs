using System.Text.Json;
using Sim.Arch.NpuPim;
using Sim.Core.Workloads.Llm;

namespace Sim.Explorer.Tests.Cli;

public class DecodeOpCommandTests
{
    [Fact]
    public void Json_points_equal_the_model_and_carry_the_timeline()
    {
        var (code, output, _) = CliRunner.Run("op", "decode", "--batch", "64", "--kv", "512", "--mode", "blocked", "--pim-cost", "neupims-estimate", "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        var point = doc.RootElement.GetProperty("points")[0];
        var direct = NpuPimModel.DecodeLayer(NpuPimSystem.NeuPims, LlmPresets.Gpt3Of7B, DecodeBatch.Uniform(64, 512), NpuPimMode.Blocked,
            NeuPimsMhaEstimate.For(LlmPresets.Gpt3Of7B, NpuPimSystem.NeuPims));
        Assert.Equal(direct.ModelCycles, point.GetProperty("model_cycles").GetInt64());
        Assert.Equal("blocked", point.GetProperty("mode").GetString());
        var segments = doc.RootElement.GetProperty("timeline").EnumerateArray().ToList();
        Assert.Equal(direct.Timeline.Count, segments.Count);
        Assert.Equal(direct.LayerCycles, segments.Max(s => s.GetProperty("end_cycle").GetInt64()));
    }

    [Fact]
    public void Table_shows_every_mode_and_the_timeline()
    {
        var (code, output, _) = CliRunner.Run("op", "decode", "--batch", "512", "--kv", "sharegpt", "--timeline");
        Assert.Equal(0, code);
        foreach (var text in new[] { "npu-only", "blocked", "neupims", "speedup vs npu-only / blocked", "kvsharegpt-b512-neupims", "qkv (next layer)" })
            Assert.Contains(text, output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--kv", "long", "--kv: 'long' is not a KV length")]
    [InlineData("--mode", "gpu", "--mode: unknown mode 'gpu'")]
    [InlineData("--model", "gpt5", "--model: unknown model 'gpt5'")]
    [InlineData("--pim", "hbm9", "--pim: unknown PIM preset 'hbm9'")]
    [InlineData("--pim-cost", "guess", "--pim-cost: unknown PIM cost 'guess'")]
    [InlineData("--capacity-gib", "0", "--capacity-gib: 0 is not a capacity")]
    [InlineData("--capacity-gib", "1e300", "--capacity-gib: 1E+300 is not a capacity")]
    [InlineData("--sub-batching", "never", "--sub-batching: unknown policy 'never'")]
    public void Bad_flags_exit_2_naming_the_flag(string flag, string value, string expected)
    {
        var args = new List<string> { "op", "decode", "--batch", "32", "--kv", "256" };
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
