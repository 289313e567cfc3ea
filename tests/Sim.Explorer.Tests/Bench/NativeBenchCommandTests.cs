using System.Text.Json;
using Sim.Explorer.Cli;
using Sim.Explorer.Tests.Cli;

namespace Sim.Explorer.Tests.Bench;

/// <summary>
/// <c>sim bench native</c> output is well formed and self-consistent on tiny sizes; the speeds themselves are measured by
/// running the command (docs/native-cpu.md), never asserted here.
/// </summary>
public class NativeBenchCommandTests
{
    [Fact]
    public void Json_reports_every_kernel_and_the_ratio_when_openblas_loads()
    {
        var (code, output, error) = CliRunner.RunWith(new Dictionary<string, string> { ["OPENBLAS_CORETYPE"] = "Haswell" },
            "bench", "native", "--json", "--sizes", "16,33", "--reps", "1", "--int8-size", "8");
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("Haswell", root.GetProperty("openblas_coretype_env").GetString());
        Assert.True(root.GetProperty("threads").GetInt32() >= 1);
        var gemm = root.GetProperty("gemm_f32").EnumerateArray().ToList();
        Assert.Equal([16, 33], gemm.Select(g => g.GetProperty("size").GetInt32()));
        Assert.Equal(2L * 33 * 33 * 33, gemm[1].GetProperty("cpu").GetProperty("operations").GetInt64());
        foreach (var g in gemm)
        {
            var ours = g.GetProperty("cpu");
            // GOP/s is operations per second of the fastest repetition, in units of 10^9.
            Assert.Equal(ours.GetProperty("operations").GetInt64() / ours.GetProperty("best_seconds").GetDouble() / 1e9,
                ours.GetProperty("best_gops").GetDouble(), 6);
            if (root.GetProperty("openblas_missing").ValueKind == JsonValueKind.Null)
            {
                var theirs = g.GetProperty("openblas");
                Assert.Equal(ours.GetProperty("best_gops").GetDouble() / theirs.GetProperty("best_gops").GetDouble(),
                    g.GetProperty("ratio_best").GetDouble(), 9);
                Assert.True(g.GetProperty("max_abs_difference").GetDouble() < 1e-3);
            }
        }

        Assert.Equal(2L * 8 * 8 * 8, root.GetProperty("gemm_int8").GetProperty("operations").GetInt64());
        Assert.Equal(2 * Sim.Explorer.Bench.NativeBench.AttentionCase.Macs, root.GetProperty("attention").GetProperty("operations").GetInt64());
        Assert.True(root.GetProperty("spgemm").GetProperty("operations").GetInt64() > 0);
    }

    [Fact]
    public void Without_openblas_the_report_says_why_and_times_ours_only()
    {
        var report = Sim.Explorer.Bench.NativeBench.Run(new Sim.Explorer.Bench.NativeBenchOptions([8], 1, 4, "libopenblas-absent.so.0"), null);
        Assert.Equal("libopenblas-absent.so.0 could not be loaded. Fix: apt-get install libopenblas0-pthread", report.OpenBlasMissing);
        Assert.Null(report.OpenBlasCore);
        var gemm = Assert.Single(report.Gemm);
        Assert.Null(gemm.OpenBlas);
        Assert.Null(gemm.BestRatio);
        Assert.Equal(2L * 8 * 8 * 8, gemm.Ours.Operations);
    }

    [Fact]
    public void A_named_openblas_library_that_does_not_load_exits_3_before_timing()
    {
        var (code, output, error) = CliRunner.Run("bench", "native", "--sizes", "8", "--reps", "1", "--int8-size", "4",
            "--openblas-library", "libopenblas-absent.so.0");
        Assert.Equal(3, code);
        Assert.Contains("--openblas-library: libopenblas-absent.so.0 could not be loaded. Fix: apt-get install libopenblas0-pthread", error, StringComparison.Ordinal);
        Assert.DoesNotContain("gemm fp32", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--sizes", "1024,x")]
    [InlineData("--sizes", "0")]
    [InlineData("--sizes", ",")]
    [InlineData("--reps", "0")]
    [InlineData("--int8-size", "0")]
    [InlineData("--int8-size", "131073")]
    [InlineData("--int8-size", "16385")]
    public void Bad_options_are_input_errors_with_a_fix(string flag, string value)
    {
        var (code, _, error) = CliRunner.Run("bench", "native", flag, value);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains(flag, error, StringComparison.Ordinal);
        Assert.Contains("Fix:", error, StringComparison.Ordinal);
    }
}
