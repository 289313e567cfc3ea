using CsCheck;
using Sim.Arch.Matrix2D;
using Sim.Core.Hardware;
using Sim.Core.Workloads;

namespace Sim.Arch.Tests.Matrix2D;

/// <summary>The closed forms of <see cref="Matrix2DModel"/> against the cycle-stepped <see cref="Matrix2DTraceModel"/>.</summary>
public class Matrix2DTraceTests
{
    [Fact]
    public void Closed_forms_equal_the_cycle_stepped_trace()
    {
        // K and R drawn from overlapping ranges, so both K >= R (K-bound period) and K < R (drain-bound) occur.
        Gen.Select(Gen.Long[1, 40], Gen.Long[1, 40], Gen.Long[1, 40], Gen.Int[1, 12], Gen.Int[1, 12])
            .Sample((m, n, k, rows, cols) =>
            {
                var gemm = new GemmShape(m, n, k);
                var spec = new Matrix2DSpec(rows, cols);
                var trace = Matrix2DTraceModel.Run(gemm, spec);
                var g = Matrix2DModel.Geometry(gemm, spec);
                var sram = Matrix2DModel.SramWords(g, gemm);
                return trace.Cycles == Matrix2DModel.ComputeCycles(g)
                    && trace.IfmapReads == sram.IfmapReads
                    && trace.FilterReads == sram.FilterReads
                    && trace.OfmapWrites == sram.OfmapWrites
                    && trace.MacSlots == gemm.Macs;
            });
    }

    [Fact]
    public void Trace_counts_a_drain_bound_case_by_hand()
    {
        // 7x5x3 on 4x4: folds (rows x cols) 4x4, 3x4, 4x1, 3x1. Greedy issue: fold 0 steps issue in 0-2, MAC 1-3,
        // hand over at 3, drain 4-7 (4 rows). Fold 1 MACs 4-6 but waits for the shadow: hand over at 7, drain 8-10
        // (3 rows). Fold 2's step 0, issued at 6, MACs at 8 once fold 1 left, steps MAC 8-10, hand over at 10 as fold
        // 1's drain ends, drain 11-14. Fold 3 MACs 11-13, hands over at 14, drains 15-17: 18 cycles.
        // Reads: A 3 steps * (4+3+4+3) rows = 42, B 3 * (4+4+1+1) cols = 30; writes 7*5 = 35; MACs 7*5*3 = 105.
        var trace = Matrix2DTraceModel.Run(new GemmShape(7, 5, 3), new Matrix2DSpec(4, 4));
        Assert.Equal(new Matrix2DTraceCounts(18, 42, 30, 35, 105), trace);
    }

    [Fact]
    public void Trace_shows_the_k_bound_partial_row_fold_slowdown()
    {
        // 10x2x3, 1 column: on 5x1 hand-overs at 3, 8, 13, 18 (each 5-row drain binds), last drain 19-23: 24 cycles.
        // On 9x1 hand-overs at 3 (9 rows), 12 (1 row, waited for the 9-row drain), 15 (9 rows: its 3 MACs follow the
        // 1-row fold's hand-over at 12), 24 (1 row), last drain in 25: 26 cycles. The taller grid is 2 cycles slower.
        Assert.Equal(24, Matrix2DTraceModel.Run(new GemmShape(10, 2, 3), new Matrix2DSpec(5, 1)).Cycles);
        Assert.Equal(26, Matrix2DTraceModel.Run(new GemmShape(10, 2, 3), new Matrix2DSpec(9, 1)).Cycles);
    }
}
