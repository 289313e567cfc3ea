using CsCheck;
using Sim.Arch.Cube3D;
using Sim.Core.Hardware;
using Sim.Core.Results;
using Sim.Core.Workloads;

namespace Sim.Arch.Tests.Cube3D;

/// <summary>
/// Invariants over random shapes. Monotonicity, exactly: growing N0 never adds cycles (it only removes column folds).
/// Growing K0 removes K steps but can add an adder-tree level, so it never adds more than the extra tree levels
/// (pinned by hand in Cube3DCyclesTests). Growing M0 is not monotone: every fold drains all M0 rows, so a taller cube
/// can be slower (also pinned by hand there).
/// </summary>
public class Cube3DPropertyTests
{
    private static readonly Gen<(GemmShape Gemm, Cube3DSpec Spec)> s_cases =
        Gen.Select(Gen.Long[1, 2000], Gen.Long[1, 2000], Gen.Long[1, 2000], Gen.Int[1, 64], Gen.Int[1, 64], Gen.Int[1, 64])
            .Select((m, n, k, m0, k0, n0) => (new GemmShape(m, n, k), new Cube3DSpec(m0, k0, n0)));

    private static OpResult Eval(GemmShape gemm, Cube3DSpec spec) =>
        new Cube3DModel().Evaluate("p", gemm, ArchSpec.Default(spec), SimMode.Default);

    [Fact]
    public void Utilizations_and_mapping_efficiency_are_in_0_1()
    {
        s_cases.Sample(c =>
        {
            var r = Eval(c.Gemm, c.Spec);
            return r.Utilization > 0 && r.Utilization <= 1
                && r.ComputeUtilization > 0 && r.ComputeUtilization <= 1
                && r.MappingEfficiency > 0 && r.MappingEfficiency <= 1;
        });
    }

    [Fact]
    public void Macs_are_conserved_over_folds_and_steps()
    {
        // Σ over folds and K steps of active rows × active lanes × active cols = M·N·K.
        s_cases.Sample(c =>
        {
            var g = Cube3DTiming.Geometry(c.Gemm, c.Spec);
            long lanes = 0;
            for (long s = 0; s < g.StreamDim; s++)
                lanes += Math.Min(c.Spec.K, c.Gemm.K - s * c.Spec.K);
            long macs = 0;
            for (long cf = 0; cf < g.ColFolds; cf++)
            {
                for (long rf = 0; rf < g.RowFolds; rf++)
                    macs += (long)g.ActiveRows(rf) * g.ActiveCols(cf) * lanes;
            }

            return macs == c.Gemm.Macs && Eval(c.Gemm, c.Spec).Macs == c.Gemm.Macs;
        });
    }

    [Fact]
    public void Trace_issues_exactly_the_gemm_macs()
    {
        Gen.Select(Gen.Long[1, 30], Gen.Long[1, 30], Gen.Long[1, 40], Gen.Int[1, 8], Gen.Int[1, 8], Gen.Int[1, 8])
            .Sample((m, n, k, m0, k0, n0) => Cube3DTraceModel.Run(new(m, n, k), new(m0, k0, n0)).Macs == m * n * k);
    }

    [Fact]
    public void Growing_n0_never_adds_cycles()
    {
        Gen.Select(s_cases, Gen.Int[1, 64]).Sample((c, more) =>
            Eval(c.Gemm, c.Spec with { N = c.Spec.N + more }).ComputeCycles <= Eval(c.Gemm, c.Spec).ComputeCycles);
    }

    [Fact]
    public void Growing_k0_adds_at_most_its_extra_adder_tree_levels()
    {
        Gen.Select(s_cases, Gen.Int[1, 64]).Sample((c, more) =>
        {
            var wider = c.Spec with { K = c.Spec.K + more };
            var extraLevels = Cube3DTiming.AdderTreeLevels(wider.K) - Cube3DTiming.AdderTreeLevels(c.Spec.K);
            return Eval(c.Gemm, wider).ComputeCycles <= Eval(c.Gemm, c.Spec).ComputeCycles + extraLevels;
        });
    }

    [Fact]
    public void Growing_m0_never_adds_folds()
    {
        Gen.Select(s_cases, Gen.Int[1, 64]).Sample((c, more) =>
            Eval(c.Gemm, c.Spec with { M = c.Spec.M + more }).Folds <= Eval(c.Gemm, c.Spec).Folds);
    }

    [Theory]
    // ⌈log2 K0⌉ by hand: 1 → 0, 2 → 1, 3 → 2, 4 → 2, 5 → 3, 16 → 4, 17 → 5.
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    [InlineData(4, 2)]
    [InlineData(5, 3)]
    [InlineData(16, 4)]
    [InlineData(17, 5)]
    public void Adder_tree_levels_are_the_ceiling_of_log2(int k0, int levels) =>
        Assert.Equal(levels, Cube3DTiming.AdderTreeLevels(k0));
}
