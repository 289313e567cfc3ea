using Sim.Arch.Matrix2D;
using Sim.Core.Hardware;
using Sim.Core.Workloads;

namespace Sim.Arch.Tests.Matrix2D;

/// <summary>
/// Compute cycles pinned to hand derivations of Σ over folds but the last of max(K, r) + K + (D − 1) + r_last with
/// D = 2, r a fold's active rows, folds = ⌈M/R⌉·⌈N/C⌉ run column-fold-major (the last fold is the last row fold of the
/// last column fold).
/// </summary>
public class Matrix2DCyclesTests
{
    private static Sim.Core.Results.OpResult Run(long m, long n, long k, int rows, int cols) =>
        new Matrix2DModel().Evaluate("t", new GemmShape(m, n, k), ArchSpec.Default(new Matrix2DSpec(rows, cols)), SimMode.Default);

    [Theory]
    // 4^3 on 4x4: 1 fold of 4 rows; 0 + 4 steps + 1 MAC stage + 4 drain rows = 9.
    [InlineData(4, 4, 4, 4, 4, 1, 9)]
    // 8x8x16 on 4x4: 2*2 = 4 full folds, K=16 >= 4 rows so each period is 16: 3*16 + 16 + 1 + 4 = 69.
    [InlineData(8, 8, 16, 4, 4, 4, 69)]
    // Partial folds: 10x7x5 on 4x4: ceil(10/4)=3 row folds (4,4,2 rows) * ceil(7/4)=2 col folds (4,3 cols) = 6.
    // Folds in order: 4,4,2 | 4,4,[2]; periods max(5,4)=5 and max(5,2)=5: 5*5 + 5 + 1 + 2 (last drains 2 rows) = 33.
    [InlineData(10, 7, 5, 4, 4, 6, 33)]
    // A partial last fold drains only its rows: 5x3x6 on 4x4: 2 folds (4 rows, then 1), period max(6,4) = 6:
    // 6 + 6 + 1 + 1 = 14 (the 1-row fold drains 1 cycle, not 4).
    [InlineData(5, 3, 6, 4, 4, 2, 14)]
    // Overlap rule binds (K < r): 16x4x2 on 8x4: 2 full folds, period max(2,8) = 8: 8 + 2 + 1 + 8 = 19
    // (a K-bound period would give 2 + 2 + 1 + 8 = 13: the shadow is still draining fold 0).
    [InlineData(16, 4, 2, 8, 4, 2, 19)]
    // Binds on full row folds only: 7x5x3 on 4x4: folds 4,3 | 4,[3] rows; periods max(3,4)=4, max(3,3)=3, 4:
    // 4 + 3 + 4 + 3 + 1 + 3 = 18.
    [InlineData(7, 5, 3, 4, 4, 4, 18)]
    // All four fold kinds: 10x7x3 on 8x4: row folds 8,2, col folds 4,3 cols; folds 8,2 | 8,[2] rows: periods
    // max(3,8)=8, max(3,2)=3, 8: 8 + 3 + 8 + 3 + 1 + 2 = 25 (the 2-row fold is K-bound, the 8-row ones drain-bound).
    [InlineData(10, 7, 3, 8, 4, 4, 25)]
    // 100x300x1000 on 32x8: row folds 32,32,32,4, 38 col folds (37 of 8, 1 of 4) = 152 folds, every period 1000
    // (K >= 32): 151*1000 + 1000 + 1 + 4 = 152005.
    [InlineData(100, 300, 1000, 32, 8, 152, 152_005)]
    // GEMV 1x300x100 on 32x32: 1 row fold of 1 row * 10 col folds, period max(100,1) = 100: 9*100 + 100 + 1 + 1 = 1002.
    [InlineData(1, 300, 100, 32, 32, 10, 1002)]
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
        // utilization = 3e7 MACs / (256 PEs * 152005 cycles).
        var odd = Run(100, 300, 1000, 32, 8);
        Assert.Equal(30000.0 / 38912.0, odd.MappingEfficiency, 12);
        Assert.Equal(30_000_000.0 / (256.0 * 152_005), odd.Utilization, 12);
        Assert.Equal(30_000_000L, odd.Macs);
    }

    [Fact]
    public void Closed_form_equals_an_explicit_schedule_of_fold_starts()
    {
        // Fold f+1 starts max(K, r_f) after fold f (r_f: its active rows); the run ends when the last-ending fold's
        // K steps, MAC stage and r-row drain are done. Folds visited column-fold-major, one by one.
        foreach (var (m, n, k, rows, cols) in new[] { (100L, 300L, 1000L, 32, 8), (1L, 7L, 5L, 4, 4), (33L, 65L, 17L, 32, 8), (1000L, 1L, 3L, 16, 2), (45L, 13L, 2L, 16, 3), (10L, 7L, 3L, 8, 4) })
        {
            var g = Matrix2DModel.Geometry(new GemmShape(m, n, k), new Matrix2DSpec(rows, cols));
            long start = 0, end = 0;
            for (long cf = 0; cf < g.ColFolds; cf++)
            {
                for (long rf = 0; rf < g.RowFolds; rf++)
                {
                    var r = Math.Min(rows, m - rf * rows);
                    end = Math.Max(end, start + k + 1 + r);
                    start += Math.Max(k, r);
                }
            }

            Assert.Equal(end, Matrix2DModel.ComputeCycles(g));
        }
    }
}
