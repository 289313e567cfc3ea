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
        // hand over at 3, drain 4-7. Fold 1 MACs 4-6 but must wait for the shadow: hand over at 7, drain 8-11;
        // folds 2 and 3 likewise hand over at 11 and 15, the last drain ends in cycle 19: 20 cycles.
        // Reads: A 3 steps * (4+3+4+3) rows = 42, B 3 * (4+4+1+1) cols = 30; writes 7*5 = 35; MACs 7*5*3 = 105.
        var trace = Matrix2DTraceModel.Run(new GemmShape(7, 5, 3), new Matrix2DSpec(4, 4));
        Assert.Equal(new Matrix2DTraceCounts(20, 42, 30, 35, 105), trace);
    }
}
