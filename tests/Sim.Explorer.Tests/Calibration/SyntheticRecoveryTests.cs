using System.Text.Json;
using Sim.Arch.Native;
using Sim.Core.Config;
using Sim.Explorer.Calibration;

namespace Sim.Explorer.Tests.Calibration;

/// <summary>Timings made by known linear models: the fit must give those coefficients back and predict held-out shapes exactly.</summary>
public class SyntheticRecoveryTests
{
    private static readonly CalibrationReport s_exact = CalibrationFixture.Report();

    [Theory]
    [InlineData(NativeKernel.GemmF32)]
    [InlineData(NativeKernel.Attention)]
    [InlineData(NativeKernel.SpGemm)]
    public void Noise_free_timings_give_back_the_coefficients_and_zero_held_out_error(NativeKernel kernel)
    {
        var k = Assert.Single(s_exact.Kernels, k => k.Kernel == kernel);
        var expected = CalibrationFixture.Theta[kernel];
        for (int i = 0; i < expected.Length; i++)
            Assert.Equal(expected[i], k.Fit.Coefficients[i], expected[i] * 1e-6);
        Assert.True(k.HeldOutMapePct < 1e-6, $"held-out MAPE {k.HeldOutMapePct}");
        Assert.True(k.HeldOut.Any() && k.Cases.Any(c => !c.Case.HeldOut));
    }

    [Fact]
    public void The_gemm_fit_becomes_the_tile_the_data_came_from()
    {
        Assert.Equal(CalibrationFixture.ClockGhz, s_exact.ClockGhz, 12);
        var (tile, bandwidth) = s_exact.Gemm!.Value;
        Assert.Equal(0.8, tile.Efficiency, 9);
        Assert.Equal(30, tile.TileOverheadCycles, 6);
        Assert.Equal(20000, tile.LaunchCycles, 3);
        Assert.Equal(4, bandwidth, 9);
        Assert.Equal(1.5, tile.BPackCyclesPerByte, 9);
        Assert.Equal(16, tile.MacsPerCyclePerUnit);
        Assert.Equal((6, 16, 120, 4096, 256, 2), (tile.TileM, tile.TileN, tile.BlockM, tile.BlockN, tile.BlockK, tile.Units));
    }

    [Fact]
    public void The_split_is_every_third_shape_of_each_kernel()
    {
        foreach (var group in CalibrationSuite.Cases(quick: false).GroupBy(c => c.Kernel))
        {
            var list = group.ToList();
            Assert.All(list.Select((c, i) => (c, i)), p => Assert.Equal(p.i % 3 == 2, p.c.HeldOut));
        }

        Assert.Equal(33, CalibrationSuite.Cases(quick: false).Count(c => c.Kernel == NativeKernel.GemmF32));
    }

    [Fact]
    public void The_fitted_efficiency_is_not_at_its_bound_when_the_data_are_below_the_peak()
    {
        Assert.False(s_exact.EfficiencyAtBound);
        Assert.DoesNotContain("WARNING", CalibrationYaml.Text(s_exact), StringComparison.Ordinal);
    }

    [Fact]
    public void A_gemm_faster_than_the_stated_peak_sits_at_the_bound_and_says_so()
    {
        // Data made at 12.8 MACs/cycle, stated peak 8: the unbounded fit would give efficiency 12.8 / 8 = 1.6. The bound
        // holds cycles per MAC at 1/8 (efficiency exactly 1) and the other terms absorb what's left, so the report must
        // flag the peak as suspect rather than pass the capped efficiency off as a measurement.
        var report = CalibrationFixture.Report(macsPerCyclePerUnit: 8);
        Assert.Null(report.GemmProblem);
        Assert.Equal(1.0 / 8, report.GemmFit!.Fit.Coefficients[1], 15);
        Assert.True(report.EfficiencyAtBound);
        var (tile, _) = report.Gemm!.Value;
        Assert.Equal(1.0, tile.Efficiency);
        Assert.Equal(8, tile.MacsPerCyclePerUnit);
        var yaml = CalibrationYaml.Text(report);
        Assert.Contains("# WARNING: the GEMM ran at the stated peak: efficiency is capped at 1; check --fma-pipes / --clock-ghz", yaml, StringComparison.Ordinal);
        Assert.Equal(tile, ArchYaml.Parse("calibration.yaml", yaml).Tile);
        using var dir = new TempDirectory();
        Assert.Null(CalibrationSession.Write(report, dir.Path));
        using var json = JsonDocument.Parse(File.ReadAllText(dir.File("calibration.json")));
        var gemm = json.RootElement.GetProperty("gemm_tile");
        Assert.True(gemm.GetProperty("efficiency_at_bound").GetBoolean());
        Assert.Contains("capped at 1", gemm.GetProperty("note").GetString(), StringComparison.Ordinal);
    }
}
