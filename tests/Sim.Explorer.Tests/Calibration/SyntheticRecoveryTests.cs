using Sim.Arch.Native;
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
    public void An_efficiency_above_one_writes_no_yaml_and_says_why()
    {
        var report = CalibrationFixture.Report() with { FmaPipes = 1 }; // half the peak: the data now beat it
        Assert.Null(report.Gemm);
        Assert.Contains("above 1", report.GemmProblem, StringComparison.Ordinal);
    }
}
