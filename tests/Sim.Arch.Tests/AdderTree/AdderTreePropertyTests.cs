using CsCheck;
using Sim.Arch.AdderTree;
using Sim.Arch.Folding;
using Sim.Core.Hardware;
using Sim.Core.Results;
using Sim.Core.Workloads;

namespace Sim.Arch.Tests.AdderTree;

/// <summary>
/// Invariants. Monotone: growing the GEMM never removes cycles; growing the tree width T never adds more than the
/// tree levels it adds (⌈log2 T'⌉ − ⌈log2 T⌉ fill cycles, 0 within a power-of-two bucket); growing the lane count L
/// to a multiple of itself or to at least N never adds cycles, also together with any growth of T. Not monotone,
/// pinned by hand below: T across a power of two (a fill cycle only fewer folds can pay back), and L to a
/// non-multiple below N (the exposed first load grows with L; max(M, c) is convex), bounded by F'·(L' − L).
/// </summary>
public class AdderTreePropertyTests
{
    private static readonly Gen<(GemmShape Gemm, int Lanes, int Width)> s_cases =
        Gen.Select(Gen.Long[1, 2000], Gen.Long[1, 2000], Gen.Long[1, 2000], Gen.Int[1, 128], Gen.Int[1, 128])
            .Select((m, n, k, lanes, width) => (new GemmShape(m, n, k), lanes, width));

    private static OpResult Eval(GemmShape gemm, int lanes, int width) =>
        new AdderTreeModel().Evaluate("p", gemm, ArchSpec.Default(new AdderTreeSpec(lanes, width)), SimMode.Default);

    private static long Cycles(GemmShape gemm, int lanes, int width) => Eval(gemm, lanes, width).ComputeCycles;

    [Fact]
    public void Utilization_compute_utilization_and_mapping_efficiency_are_in_0_1()
    {
        s_cases.Sample(c =>
        {
            var r = Eval(c.Gemm, c.Lanes, c.Width);
            return r.Utilization > 0 && r.Utilization <= 1
                && r.ComputeUtilization > 0 && r.ComputeUtilization <= 1
                && r.MappingEfficiency > 0 && r.MappingEfficiency <= 1;
        });
    }

    [Fact]
    public void Macs_are_conserved_by_the_fold_walk_and_the_trace()
    {
        // Σ over folds of active leaves × active lanes × streamed vectors = M·N·K.
        s_cases.Sample(c =>
        {
            var g = AdderTreeModel.Geometry(c.Gemm, new AdderTreeSpec(c.Lanes, c.Width));
            long macs = 0;
            for (long cf = 0; cf < g.ColFolds; cf++)
            {
                for (long rf = 0; rf < g.RowFolds; rf++)
                    macs += (long)g.ActiveRows(rf) * g.ActiveCols(cf) * g.StreamDim;
            }

            return macs == c.Gemm.Macs;
        });
        // The trace counts the multipliers it feeds cycle by cycle (small dims: it is slow).
        Gen.Select(Gen.Long[1, 30], Gen.Long[1, 30], Gen.Long[1, 30], Gen.Int[1, 10], Gen.Int[1, 10])
            .Sample((m, n, k, lanes, width) =>
                AdderTreeTraceModel.Run(new GemmShape(m, n, k), new AdderTreeSpec(lanes, width)).MacSlots == m * n * k);
    }

    [Fact]
    public void Growing_the_tree_width_within_a_power_of_two_never_adds_cycles()
    {
        // Same ⌈log2 T⌉ → same depth D; fewer or equal K folds → no more cycles.
        Gen.Select(s_cases, Gen.Int[0, 1 << 20]).Sample((c, pick) =>
        {
            var bucketTop = 1 << BinaryAdderTree.Levels(c.Width);
            var wider = c.Width + pick % (bucketTop - c.Width + 1);
            return Cycles(c.Gemm, c.Lanes, wider) <= Cycles(c.Gemm, c.Lanes, c.Width);
        });
    }

    [Fact]
    public void Growing_the_tree_width_adds_at_most_its_extra_tree_levels()
    {
        Gen.Select(s_cases, Gen.Int[1, 256]).Sample((c, extra) =>
        {
            var wider = c.Width + extra;
            var addedLevels = BinaryAdderTree.Levels(wider) - BinaryAdderTree.Levels(c.Width);
            return Cycles(c.Gemm, c.Lanes, wider) <= Cycles(c.Gemm, c.Lanes, c.Width) + addedLevels;
        });
    }

    [Fact]
    public void A_larger_gemm_is_never_faster()
    {
        Gen.Select(s_cases, Gen.Long[1, 500]).Sample((c, d) =>
        {
            var (m, n, k) = (c.Gemm.M, c.Gemm.N, c.Gemm.K);
            var cycles = Cycles(c.Gemm, c.Lanes, c.Width);
            return Cycles(new(m + d, n, k), c.Lanes, c.Width) >= cycles
                && Cycles(new(m, n + d, k), c.Lanes, c.Width) >= cycles
                && Cycles(new(m, n, k + d), c.Lanes, c.Width) >= cycles;
        });
    }

    [Fact]
    public void A_deeper_tree_makes_a_single_vector_one_fill_cycle_slower()
    {
        // Real effect: 1x1x1 on L=1 has one fold, so a wider tree saves nothing and its extra level is one more
        // stage the vector crosses. T=1: D=2, 1 + 0 + 1 + 1 = 3. T=2: D=3, 1 + 0 + 1 + 2 = 4. T=3: D=4 -> 5.
        // T=4 has the same ceil(log2) as T=3 -> still 5.
        GemmShape gemm = new(1, 1, 1);
        Assert.Equal(3, Cycles(gemm, 1, 1));
        Assert.Equal(4, Cycles(gemm, 1, 2));
        Assert.Equal(5, Cycles(gemm, 1, 3));
        Assert.Equal(5, Cycles(gemm, 1, 4));
    }

    [Fact]
    public void Growing_the_lanes_to_a_multiple_or_past_n_never_adds_cycles()
    {
        // Every wide fold then covers whole narrow folds of the same K fold, and merging lanes a, b never costs more:
        // max(M, a+b) <= max(M, a) + max(M, b), and for the exposed first load a+b <= a + max(M, b).
        Gen.Select(s_cases, Gen.Int[1, 16], Gen.Int[0, 64], Gen.Bool).Sample((c, factor, extra, pastN) =>
        {
            var wider = pastN ? (int)Math.Max(c.Lanes, c.Gemm.N) + extra : c.Lanes * factor;
            return Cycles(c.Gemm, wider, c.Width) <= Cycles(c.Gemm, c.Lanes, c.Width);
        });
    }

    [Fact]
    public void Growing_any_lanes_adds_at_most_the_extra_lanes_of_every_wide_fold()
    {
        // The i-th fold of the wider grid has at most L' - L more lanes than the i-th fold of the narrower one, which
        // has at least as many folds; each fold's cycles c_0 or max(M, c_i) grow by at most that.
        Gen.Select(s_cases, Gen.Int[1, 128]).Sample((c, extra) =>
        {
            var wider = c.Lanes + extra;
            var folds = AdderTreeModel.Geometry(c.Gemm, new AdderTreeSpec(wider, c.Width)).Folds;
            return Cycles(c.Gemm, wider, c.Width) <= Cycles(c.Gemm, c.Lanes, c.Width) + folds * extra;
        });
    }

    [Fact]
    public void Growing_both_grid_dims_adds_at_most_the_extra_tree_levels()
    {
        // T' >= T and L' = k·L: the growth of each dim alone is bounded as above, so their sum bounds both together.
        Gen.Select(s_cases, Gen.Int[0, 256], Gen.Int[1, 16]).Sample((c, extraWidth, factor) =>
        {
            var (lanes, width) = (c.Lanes * factor, c.Width + extraWidth);
            var addedLevels = BinaryAdderTree.Levels(width) - BinaryAdderTree.Levels(c.Width);
            return Cycles(c.Gemm, lanes, width) <= Cycles(c.Gemm, c.Lanes, c.Width) + addedLevels;
        });
    }

    [Fact]
    public void More_lanes_only_load_the_active_ones()
    {
        // 1x1x1 with T=1 (D=2): L=1: 1 + 1 + 1 = 3. L=2: the fold has one active lane, so still 1 + 1 + 1 = 3.
        GemmShape gemm = new(1, 1, 1);
        Assert.Equal(3, Cycles(gemm, 1, 1));
        Assert.Equal(3, Cycles(gemm, 2, 1));
        // Load-bound M=1 N=64 K=1, T=1: every lane is loaded once whatever L is. L=32: 32 + max(1,32) + 1 + 1 = 66.
        // L=48: 48 + max(1,16) + 2 = 66. L=64: 64 + 1 + 1 = 66.
        GemmShape gemv = new(1, 64, 1);
        Assert.Equal(66, Cycles(gemv, 32, 1));
        Assert.Equal(66, Cycles(gemv, 48, 1));
        Assert.Equal(66, Cycles(gemv, 64, 1));
    }

    [Fact]
    public void More_lanes_can_expose_a_longer_first_load()
    {
        // Real effect: the first fold's weight load has no stream to hide under. M=100 N=100 K=1, T=1 (D=2).
        // L=50: folds of 50, 50 lanes: 50 + max(100,50) + 100 + 1 = 251.
        // L=60: folds of 60, 40 lanes, still 2: 60 + max(100,40) + 100 + 1 = 261, 10 more for the 10 extra lanes
        // (within the bound F'·(L'-L) = 2*10 = 20).
        // L=100 (a multiple of 50): one fold, 100 + 100 + 1 = 201.
        GemmShape gemm = new(100, 100, 1);
        Assert.Equal(251, Cycles(gemm, 50, 1));
        Assert.Equal(261, Cycles(gemm, 60, 1));
        Assert.Equal(201, Cycles(gemm, 100, 1));
    }

    [Fact]
    public void More_lanes_can_unbalance_the_column_folds()
    {
        // Real effect of the convex max(M, c): M=3 N=9 K=1, T=1 (D=2).
        // L=3: folds of 3, 3, 3 lanes: 3 + max(3,3) + max(3,3) + 3 + 1 = 13.
        // L=4: folds of 4, 4, 1 lanes: 4 + max(3,4) + max(3,1) + 3 + 1 = 15: the first load and the second fold's load
        // each outgrow the 3-vector stream by a cycle, and the 1-lane fold still takes the stream's 3 cycles.
        // L=9 (a multiple of 3): 9 + 3 + 1 = 13.
        GemmShape gemm = new(3, 9, 1);
        Assert.Equal(13, Cycles(gemm, 3, 1));
        Assert.Equal(15, Cycles(gemm, 4, 1));
        Assert.Equal(13, Cycles(gemm, 9, 1));
    }
}
