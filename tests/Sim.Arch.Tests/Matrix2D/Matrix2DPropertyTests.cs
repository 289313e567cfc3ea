using CsCheck;
using Sim.Arch.Matrix2D;
using Sim.Core.Hardware;
using Sim.Core.Results;
using Sim.Core.Workloads;

namespace Sim.Arch.Tests.Matrix2D;

public class Matrix2DPropertyTests
{
    private static readonly Gen<(GemmShape Gemm, int Rows, int Cols)> s_cases =
        Gen.Select(Gen.Long[1, 2000], Gen.Long[1, 2000], Gen.Long[1, 2000], Gen.Int[1, 128], Gen.Int[1, 128])
            .Select((m, n, k, r, c) => (new GemmShape(m, n, k), r, c));

    private static OpResult Eval(GemmShape gemm, int rows, int cols, SimMode mode = SimMode.Default) =>
        new Matrix2DModel().Evaluate("p", gemm, ArchSpec.Default(new Matrix2DSpec(rows, cols)), mode);

    [Fact]
    public void Utilization_compute_utilization_and_mapping_efficiency_are_in_0_1()
    {
        s_cases.Sample(c =>
        {
            var r = Eval(c.Gemm, c.Rows, c.Cols);
            return r.Utilization > 0 && r.Utilization <= 1
                && r.ComputeUtilization > 0 && r.ComputeUtilization <= 1
                && r.MappingEfficiency > 0 && r.MappingEfficiency <= 1;
        });
    }

    [Fact]
    public void Macs_are_conserved_over_folds_and_steps()
    {
        // Σ over folds, Σ over the K steps, of active MAC slots (active rows × active cols) = M·N·K.
        s_cases.Sample(c =>
        {
            var g = Matrix2DModel.Geometry(c.Gemm, new Matrix2DSpec(c.Rows, c.Cols));
            long macs = 0;
            for (long cf = 0; cf < g.ColFolds; cf++)
            {
                for (long rf = 0; rf < g.RowFolds; rf++)
                    macs += (long)g.ActiveRows(rf) * g.ActiveCols(cf) * g.StreamDim;
            }

            return macs == c.Gemm.Macs && Eval(c.Gemm, c.Rows, c.Cols).Macs == c.Gemm.Macs;
        });
    }

    [Fact]
    public void Mode_changes_no_number()
    {
        s_cases.Sample(c => Eval(c.Gemm, c.Rows, c.Cols, SimMode.Default) == Eval(c.Gemm, c.Rows, c.Cols, SimMode.ScaleSim));
    }

    [Fact]
    public void More_columns_never_add_compute_cycles()
    {
        // C is monotone: it only sets ⌈N/C⌉ (folds), never the pipeline depth, the drain or the period max(K, R).
        Gen.Select(s_cases, Gen.Int[1, 128]).Sample((c, extra) =>
            Eval(c.Gemm, c.Rows, c.Cols + extra).ComputeCycles <= Eval(c.Gemm, c.Rows, c.Cols).ComputeCycles);
    }

    [Fact]
    public void More_rows_up_to_k_add_at_most_the_extra_drain_cycles()
    {
        // R is not monotone: it is the drain depth and, above K, the period. While R ≤ K the period stays K, folds never
        // grow, so Δcycles = (folds' − folds)·K + ΔR ≤ ΔR.
        s_cases.Sample(c =>
        {
            var k = (int)Math.Min(c.Gemm.K, 128);
            int r = Math.Min(c.Rows, k), r2 = Math.Min(c.Rows + c.Cols, k);
            return Eval(c.Gemm, r2, c.Cols).ComputeCycles - Eval(c.Gemm, r, c.Cols).ComputeCycles <= r2 - r;
        });
    }

    [Fact]
    public void A_taller_grid_can_slow_a_small_op_by_its_drain()
    {
        // Real effect: results leave one row per cycle down the whole R-deep chain, so a taller grid drains longer.
        // 1x1x1: on 1x1, 0 + 1 + 1 + 1 = 3 cycles; on 2x1, 0 + 1 + 1 + 2 = 4.
        Assert.Equal(3, Eval(new GemmShape(1, 1, 1), 1, 1).ComputeCycles);
        Assert.Equal(4, Eval(new GemmShape(1, 1, 1), 2, 1).ComputeCycles);
    }

    [Fact]
    public void A_taller_grid_without_fewer_folds_pays_the_drain_bound_period()
    {
        // Real effect: with K < R the shadow's R-cycle drain sets the period. 10x1x1 has 2 folds on 5x1 and on 6x1:
        // 5x1: 1*max(1,5) + 1 + 1 + 5 = 12; 6x1: 1*max(1,6) + 1 + 1 + 6 = 14.
        Assert.Equal(12, Eval(new GemmShape(10, 1, 1), 5, 1).ComputeCycles);
        Assert.Equal(14, Eval(new GemmShape(10, 1, 1), 6, 1).ComputeCycles);
    }
}
