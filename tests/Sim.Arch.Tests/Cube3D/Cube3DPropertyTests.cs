using CsCheck;
using Sim.Arch.Cube3D;
using Sim.Arch.Folding;
using Sim.Core.Hardware;
using Sim.Core.Results;
using Sim.Core.Workloads;

namespace Sim.Arch.Tests.Cube3D;

/// <summary>
/// Invariants over random shapes. Monotonicity in the cube's sides (one side grown, the others fixed), exactly:
/// growing N0 never adds cycles (it only removes column folds). Growing K0 removes K steps but can add adder-tree
/// levels, so it adds at most the extra levels. Growing M0 to M0′ adds at most (C − 1)·max(0, kSteps − r′), C column
/// folds and r′ the rows of the taller cube's partial row fold, and only if it still has ≥ 2 row folds and
/// M0′ ≥ kSteps: that partial block drains in fewer cycles than the next block issues, idling the drain port once per
/// column fold but the last (derived in Cube3DTiming, pinned by hand in Cube3DCyclesTests). The two are the only ways
/// more PEs can be slower.
/// </summary>
public class Cube3DPropertyTests
{
    private static readonly Gen<(GemmShape Gemm, Cube3DSpec Spec)> s_cases =
        Gen.Select(Gen.Long[1, 2000], Gen.Long[1, 2000], Gen.Long[1, 2000], Gen.Int[1, 64], Gen.Int[1, 64], Gen.Int[1, 64])
            .Select((m, n, k, m0, k0, n0) => (new GemmShape(m, n, k), new Cube3DSpec(m0, k0, n0)));

    // Few K steps against tall cubes: the drain-bound regime, where partial row folds change the period.
    private static readonly Gen<(GemmShape Gemm, Cube3DSpec Spec)> s_drainBound =
        Gen.Select(Gen.Long[1, 300], Gen.Long[1, 300], Gen.Long[1, 64], Gen.Int[1, 32], Gen.Int[1, 32], Gen.Int[1, 32])
            .Select((m, n, k, m0, k0, n0) => (new GemmShape(m, n, k), new Cube3DSpec(m0, k0, n0)));

    private static readonly Gen<(GemmShape Gemm, Cube3DSpec Spec)> s_both = Gen.OneOf(s_cases, s_drainBound);

    private const int Iterations = 5000; // O(1) closed forms: many samples are cheap

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

            return macs == c.Gemm.Macs;
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
        Gen.Select(s_both, Gen.Int[1, 64]).Sample(
            (c, more) => Cycles(c.Gemm, c.Spec with { N = c.Spec.N + more }) <= Cycles(c.Gemm, c.Spec),
            iter: Iterations);
    }

    [Fact]
    public void Growing_k0_adds_at_most_its_extra_adder_tree_levels()
    {
        Gen.Select(s_both, Gen.Int[1, 64]).Sample(
            (c, more) =>
            {
                var wider = c.Spec with { K = c.Spec.K + more };
                return Cycles(c.Gemm, wider) <= Cycles(c.Gemm, c.Spec) + ExtraTreeLevels(c.Spec, wider);
            },
            iter: Iterations);
    }

    [Fact]
    public void Growing_m0_adds_at_most_the_idle_drain_of_its_partial_row_fold()
    {
        Gen.Select(s_both, Gen.Int[1, 64]).Sample(
            (c, more) =>
            {
                var taller = c.Spec with { M = c.Spec.M + more };
                return Cycles(c.Gemm, taller) <= Cycles(c.Gemm, c.Spec) + PartialDrainIdleBound(c.Gemm, c.Spec, taller);
            },
            iter: Iterations);
    }

    [Fact]
    public void Growing_m0_never_adds_cycles_with_one_column_fold()
    {
        // C = 1: the bound above is 0, stated on its own so a regression here cannot hide behind it.
        Gen.Select(s_both, Gen.Int[1, 64]).Sample(
            (c, more) =>
            {
                var spec = c.Spec with { N = (int)c.Gemm.N };
                return Cycles(c.Gemm, spec with { M = spec.M + more }) <= Cycles(c.Gemm, spec);
            },
            iter: Iterations);
    }

    [Fact]
    public void More_pes_are_never_slower_beyond_the_two_stated_exceptions()
    {
        // Grow any subset of the sides at once. Grown in the order M0, K0, N0, the bounds compose: the M0 step's idle
        // drain (at the old K0 and N0), then K0's extra tree levels, then N0 adds nothing.
        Gen.Select(s_both, Gen.Int[0, 32], Gen.Int[0, 32], Gen.Int[0, 32]).Sample(
            (c, dm, dk, dn) =>
            {
                var taller = c.Spec with { M = c.Spec.M + dm };
                var bigger = new Cube3DSpec(c.Spec.M + dm, c.Spec.K + dk, c.Spec.N + dn);
                var bound = PartialDrainIdleBound(c.Gemm, c.Spec, taller) + ExtraTreeLevels(c.Spec, bigger);
                return Cycles(c.Gemm, bigger) <= Cycles(c.Gemm, c.Spec) + bound;
            },
            iter: Iterations);
    }

    [Fact]
    public void A_bigger_gemm_never_takes_fewer_cycles()
    {
        // Partial folds now pay only their active rows, so check that an extra row, column or K element never makes
        // an op cheaper (an extra row of a full last row fold opens a new fold of period ≥ 1).
        Gen.Select(s_both, Gen.Int[0, 2], Gen.Long[1, 40]).Sample(
            (c, dim, more) =>
            {
                var gemm = dim switch
                {
                    0 => c.Gemm with { M = c.Gemm.M + more },
                    1 => c.Gemm with { N = c.Gemm.N + more },
                    _ => c.Gemm with { K = c.Gemm.K + more },
                };
                return Cycles(gemm, c.Spec) >= Cycles(c.Gemm, c.Spec);
            },
            iter: Iterations);
    }

    [Fact]
    public void Growing_m0_never_adds_folds()
    {
        Gen.Select(s_cases, Gen.Int[1, 64]).Sample((c, more) =>
            Eval(c.Gemm, c.Spec with { M = c.Spec.M + more }).Folds <= Eval(c.Gemm, c.Spec).Folds);
    }

    [Theory]
    // D = 1 (multiply) + ⌈log2 K0⌉ (tree; BinaryAdderTreeTests pins the levels) + 1 (L0C): 1 → 2, 2 → 3, 16 → 6, 17 → 7.
    [InlineData(1, 2)]
    [InlineData(2, 3)]
    [InlineData(16, 6)]
    [InlineData(17, 7)]
    public void Pipeline_depth_is_the_tree_plus_multiply_and_accumulate(int k0, int depth) =>
        Assert.Equal(depth, Cube3DTiming.PipelineDepthCycles(new Cube3DSpec(4, k0, 4)));

    private static long Cycles(GemmShape gemm, Cube3DSpec spec) => Eval(gemm, spec).ComputeCycles;

    private static int ExtraTreeLevels(Cube3DSpec from, Cube3DSpec to) =>
        BinaryAdderTree.Levels(to.K) - BinaryAdderTree.Levels(from.K);

    /// <summary>
    /// (C − 1)·max(0, kSteps − r′) if M0 grew, the taller cube still has ≥ 2 row folds and M0′ ≥ kSteps, else 0.
    /// C and kSteps do not depend on M0; r′ = M − (R′ − 1)·M0′ are the rows of the taller cube's last row fold.
    /// </summary>
    private static long PartialDrainIdleBound(GemmShape gemm, Cube3DSpec spec, Cube3DSpec taller)
    {
        if (taller.M == spec.M)
            return 0;
        long colFolds = (gemm.N + spec.N - 1) / spec.N, kSteps = (gemm.K + spec.K - 1) / spec.K;
        var rowFolds = (gemm.M + taller.M - 1) / taller.M;
        var lastRows = gemm.M - (rowFolds - 1) * taller.M;
        return rowFolds >= 2 && taller.M >= kSteps ? (colFolds - 1) * Math.Max(0, kSteps - lastRows) : 0;
    }
}
