using CsCheck;
using Sim.Arch.Folding;
using Sim.Arch.NpuPim;
using Sim.Arch.Systolic;
using Sim.Core.Hardware;
using Sim.Core.Workloads;

namespace Sim.Arch.Tests.NpuPim;

public class PipelinedWsTimingTests
{
    [Theory]
    // One 128×128 tile, M = 4: preload 128, then 128 + 128 − 2 + 4.
    [InlineData(4, 128, 128, 1, 386)]
    // M = 1 still issues 4 cycles (NeuPIMs' minimum).
    [InlineData(1, 128, 128, 1, 386)]
    // Two K-fold tiles, M = 256 > H: spacing 256; 128 + 256 + (128 + 128 − 2 + 256).
    [InlineData(256, 128, 256, 1, 894)]
    // Widths 128 and 72 (N = 200), M = 8 < H: spacing H = 128; last tile 72 wide: 128 + 128 + (128 + 72 − 2 + 8).
    [InlineData(8, 200, 128, 1, 462)]
    // Three tiles on two arrays: array 0 gets tiles 0 and 2: 128 + 128 + (128 + 128 − 2 + 16); array 1 finishes earlier.
    [InlineData(16, 384, 128, 2, 526)]
    // 768 tiles (K 4096 / 128 × N 3072 / 128) on 8 arrays: 96 each, spacing 128: 128 + 95·128 + 128 + 128 − 2 + 32.
    [InlineData(32, 3072, 4096, 8, 12574)]
    public void Hand_counts_on_128x128_arrays(long m, long n, long k, int arrays, long expected) =>
        Assert.Equal(expected, PipelinedWsTiming.GemmCycles(new GemmShape(m, n, k), arrays, 128, 128));

    [Fact]
    public void Hand_count_on_a_4x4_array()
    {
        // K = 8 → 2 tiles of 4×4, M = 10: spacing max(10, 4, 4) = 10; 4 + 10 + (4 + 4 − 2 + 10) = 30.
        Assert.Equal(30, PipelinedWsTiming.GemmCycles(new GemmShape(10, 4, 8), 1, 4, 4));
        // SCALE-Sim-style folds (default mode): 2·(10 − 2 + 8) + 2·4 = 40, preload not overlapped.
        Assert.Equal(40, ScaleSimWs(new GemmShape(10, 4, 8), 4, 4));
    }

    private static long ScaleSimWs(GemmShape g, int rows, int cols) =>
        SystolicModel.ComputeCycles(FoldGeometry.Of(g, new SystolicSpec(rows, cols, Dataflow.Ws)), SimMode.Default);

    private static readonly Gen<(GemmShape Gemm, int Rows, int Cols)> s_gemms =
        Gen.Select(Gen.Long[4, 600], Gen.Long[1, 700], Gen.Long[1, 700], Gen.Int[1, 64], Gen.Int[1, 64])
            .Select((m, n, k, r, c) => (new GemmShape(m, n, k), r, c));

    [Fact]
    public void One_array_is_never_slower_than_the_systolic_ws_fold_model_and_equal_on_one_tile()
    {
        s_gemms.Sample(c =>
        {
            var ours = PipelinedWsTiming.GemmCycles(c.Gemm, 1, c.Rows, c.Cols);
            var folds = ScaleSimWs(c.Gemm, c.Rows, c.Cols);
            var oneTile = c.Gemm.K <= c.Rows && c.Gemm.N <= c.Cols;
            return oneTile ? ours == folds : ours <= folds;
        });
    }

    [Fact]
    public void More_arrays_are_never_slower()
    {
        Gen.Select(s_gemms, Gen.Int[1, 12], Gen.Int[1, 4]).Sample((c, arrays, extra) =>
            PipelinedWsTiming.GemmCycles(c.Gemm, arrays + extra, c.Rows, c.Rows)
            <= PipelinedWsTiming.GemmCycles(c.Gemm, arrays, c.Rows, c.Rows));
    }

    [Fact]
    public void Never_below_the_mac_bound()
    {
        s_gemms.Sample(c =>
        {
            var arrays = 3;
            var cycles = PipelinedWsTiming.GemmCycles(c.Gemm, arrays, c.Rows, c.Cols);
            return cycles * arrays * (long)c.Rows * c.Cols >= c.Gemm.Macs;
        });
    }
}
