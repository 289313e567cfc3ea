using CsCheck;
using Sim.Arch.Folding;
using Sim.Arch.Systolic;
using Sim.Core.Hardware;
using Sim.Core.Workloads;

namespace Sim.Arch.Tests.Systolic;

public class SystolicPropertyTests
{
    private static readonly Gen<(GemmShape Gemm, int Rows, int Cols, Dataflow Df, SimMode Mode)> s_cases =
        Gen.Select(Gen.Long[1, 2000], Gen.Long[1, 2000], Gen.Long[1, 2000], Gen.Int[1, 128], Gen.Int[1, 128],
            Gen.Enum<Dataflow>(), Gen.Enum<SimMode>())
        .Select((m, n, k, r, c, df, mode) => (new GemmShape(m, n, k), r, c, df, mode));

    private static Sim.Core.Results.OpResult Eval(GemmShape gemm, int rows, int cols, Dataflow df, SimMode mode) =>
        new SystolicModel().Evaluate("p", gemm, ArchSpec.Default(new SystolicSpec(rows, cols, df)), mode);

    [Fact]
    public void Utilization_and_mapping_efficiency_are_in_0_1()
    {
        s_cases.Sample(c =>
        {
            var r = Eval(c.Gemm, c.Rows, c.Cols, c.Df, c.Mode);
            return r.Utilization > 0 && r.Utilization <= 1 && r.MappingEfficiency > 0 && r.MappingEfficiency <= 1;
        });
    }

    [Fact]
    public void Macs_are_conserved_by_the_fold_walk()
    {
        // Σ over folds of active PEs × streamed length = M·N·K.
        s_cases.Sample(c =>
        {
            var g = FoldGeometry.Of(c.Gemm, new SystolicSpec(c.Rows, c.Cols, c.Df));
            long macs = 0;
            for (long cf = 0; cf < g.ColFolds; cf++)
            {
                for (long rf = 0; rf < g.RowFolds; rf++)
                    macs += (long)g.ActiveRows(rf) * g.ActiveCols(cf) * g.StreamDim;
            }

            return macs == c.Gemm.Macs;
        });
    }

    [Fact]
    public void Default_mode_is_never_slower_than_scalesim_mode()
    {
        s_cases.Sample(c => Eval(c.Gemm, c.Rows, c.Cols, c.Df, SimMode.Default).ComputeCycles
                            <= Eval(c.Gemm, c.Rows, c.Cols, c.Df, SimMode.ScaleSim).ComputeCycles + 1);
    }

    [Fact]
    public void Doubling_rows_or_columns_never_adds_folds()
    {
        s_cases.Sample(c =>
        {
            var spec = new SystolicSpec(c.Rows, c.Cols, c.Df);
            var folds = FoldGeometry.Of(c.Gemm, spec).Folds;
            return FoldGeometry.Of(c.Gemm, spec with { Rows = c.Rows * 2 }).Folds <= folds
                && FoldGeometry.Of(c.Gemm, spec with { Cols = c.Cols * 2 }).Folds <= folds;
        });
    }
}
