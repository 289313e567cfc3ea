using Sim.Arch.Matrix2D;
using Sim.Core.Hardware;
using Sim.Core.Workloads;

namespace Sim.Arch.Tests.Matrix2D;

/// <summary>
/// Compute cycles pinned to hand derivations of (folds − 1)·max(K, R) + K + (D − 1) + R with D = 2, folds =
/// ⌈M/R⌉·⌈N/C⌉.
/// </summary>
public class Matrix2DCyclesTests
{
    private static Sim.Core.Results.OpResult Run(long m, long n, long k, int rows, int cols) =>
        new Matrix2DModel().Evaluate("t", new GemmShape(m, n, k), ArchSpec.Default(new Matrix2DSpec(rows, cols)), SimMode.Default);

    [Theory]
    // 4^3 on 4x4: 1 fold; 0 + 4 steps + 1 MAC stage + 4 drain rows = 9.
    [InlineData(4, 4, 4, 4, 4, 1, 9)]
    // 8x8x16 on 4x4: 2*2 = 4 full folds, K=16 >= R=4 so period 16: 3*16 + 16 + 1 + 4 = 69.
    [InlineData(8, 8, 16, 4, 4, 4, 69)]
    // Partial folds: 10x7x5 on 4x4: ceil(10/4)=3 row folds (4,4,2 rows) * ceil(7/4)=2 col folds (4,3 cols) = 6;
    // period max(5,4) = 5: 5*5 + 5 + 1 + 4 = 35.
    [InlineData(10, 7, 5, 4, 4, 6, 35)]
    // Partial last fold still drains the full height: 5x3x6 on 4x4: 2 folds (4 rows, then 1), period max(6,4) = 6:
    // 6 + 6 + 1 + 4 = 17 (the 1-row fold pays all 4 drain cycles).
    [InlineData(5, 3, 6, 4, 4, 2, 17)]
    // Overlap rule binds (K < R): 16x4x2 on 8x4: 2 folds, period max(2,8) = 8: 8 + 2 + 1 + 8 = 19
    // (a K-bound period would give 2 + 2 + 1 + 8 = 13: the shadow is still draining fold 0).
    [InlineData(16, 4, 2, 8, 4, 2, 19)]
    // Binds with partial folds: 7x5x3 on 4x4: 2*2 = 4 folds, period max(3,4) = 4: 3*4 + 3 + 1 + 4 = 20.
    [InlineData(7, 5, 3, 4, 4, 4, 20)]
    // 100x300x1000 on 32x8: 4 * 38 = 152 folds, period 1000: 151*1000 + 1000 + 1 + 32 = 152033.
    [InlineData(100, 300, 1000, 32, 8, 152, 152_033)]
    // GEMV 1x300x100 on 32x32: 1 * 10 folds, period 100: 9*100 + 100 + 1 + 32 = 1033.
    [InlineData(1, 300, 100, 32, 32, 10, 1033)]
    // 1x1x1 on 1x1: 0 + 1 + 1 + 1 = 3.
    [InlineData(1, 1, 1, 1, 1, 1, 3)]
    public void Hand_derived_cycles(long m, long n, long k, int rows, int cols, long folds, long cycles)
    {
        var r = Run(m, n, k, rows, cols);
        Assert.Equal(folds, r.Folds);
        Assert.Equal(cycles, r.ComputeCycles);
        Assert.Equal(0, r.StallCycles); // unlimited DRAM
    }

    [Fact]
    public void Utilization_and_mapping_efficiency_follow_their_definitions()
    {
        // 4^3 on 4x4: 64 MACs / (16 PEs * 9 cycles) = 64/144; one full fold maps every PE.
        var full = Run(4, 4, 4, 4, 4);
        Assert.Equal(64.0 / 144.0, full.Utilization, 12);
        Assert.Equal(64.0 / 144.0, full.ComputeUtilization, 12);
        Assert.Equal(1.0, full.MappingEfficiency, 12);

        // 100x300x1000 on 32x8: mapping efficiency = (100*300)/(4*32 * 38*8) = 30000/38912;
        // utilization = 3e7 MACs / (256 PEs * 152033 cycles).
        var odd = Run(100, 300, 1000, 32, 8);
        Assert.Equal(30000.0 / 38912.0, odd.MappingEfficiency, 12);
        Assert.Equal(30_000_000.0 / (256.0 * 152_033), odd.Utilization, 12);
        Assert.Equal(30_000_000L, odd.Macs);
    }

    [Fact]
    public void Closed_form_equals_an_explicit_schedule_of_fold_starts()
    {
        // Fold f starts at f·max(K, R); the run ends when the last fold's K steps, MAC stage and R-row drain are done.
        foreach (var (m, n, k, rows, cols) in new[] { (100L, 300L, 1000L, 32, 8), (1L, 7L, 5L, 4, 4), (33L, 65L, 17L, 32, 8), (1000L, 1L, 3L, 16, 2) })
        {
            var g = Matrix2DModel.Geometry(new GemmShape(m, n, k), new Matrix2DSpec(rows, cols));
            long start = 0, end = 0;
            for (long f = 0; f < g.Folds; f++, start += Math.Max(k, rows))
                end = Math.Max(end, start + k + 1 + rows);
            Assert.Equal(end, Matrix2DModel.ComputeCycles(g));
        }
    }
}
