using Sim.Arch.Sparse;
using Sim.Core.Hardware;
using Sim.Core.Sparse;

namespace Sim.Arch.Tests.Sparse;

/// <summary>
/// A 4×4 example with every counter derived by hand.
///
///   A (r_i = [2,1,2,0])          B (b_k = [2,1,2,0], c_j = [1,2,1,1])
///   row0: A00=1, A02=2           row0: B01=1, B03=2
///   row1: A11=3                  row1: B10=3
///   row2: A20=4, A23=5           row2: B21=4, B22=5
///   row3: —                      row3: —
///
/// a_k = nnz(A[:,k]) = [2,1,1,1]; F = Σ a_k·b_k = 2·2 + 1·1 + 1·2 + 1·0 = 7.
/// F_i = Σ_{k∈A_i} b_k: row0 b0+b2 = 4, row1 b1 = 1, row2 b0+b3 = 2, row3 0.
/// C row0: k0 → (1,1·1), (3,1·2); k2 → (1,2·4), (2,2·5) ⇒ {1: 9, 2: 10, 3: 2}   (one add: column 1)
/// C row1: k1 → (0, 3·3) ⇒ {0: 9};  C row2: k0 → (1, 4), (3, 8); k3 empty ⇒ {1: 4, 3: 8};  row3 empty.
/// nnz(C) = 6, merge adds = F − nnz(C) = 1, partial matrices = #k with a_k·b_k &gt; 0 = 3 (k0, k1, k2).
/// Tile: 2 PEs, 1 multiplier and 1 merge op per PE, radix 2, 2 accumulator entries, 60 B buffer, 16 B/cycle,
/// 12 B per element (8 value + 4 index), pointer arrays (4+1)·4 = 20 B.
/// </summary>
public sealed class HandWorkedExampleTests
{
    private static readonly CsrMatrix s_a = CsrMatrix.FromTriplets(4, 4, [(0, 0, 1), (0, 2, 2), (1, 1, 3), (2, 0, 4), (2, 3, 5)]);
    private static readonly CsrMatrix s_b = CsrMatrix.FromTriplets(4, 4, [(0, 1, 1), (0, 3, 2), (1, 0, 3), (2, 1, 4), (2, 2, 5)]);
    private static readonly SpGemm s_gemm = new("hand", s_a, "A", s_b, "B");
    private static readonly SparseTileSpec s_tile = new(Pes: 2, MultipliersPerPe: 1, MergeOpsPerPe: 1, MergerRadix: 2, AccumulatorEntries: 2,
        CacheBytes: 60, ValueBytes: 8, IndexBytes: 4, DramBytesPerCycle: 16);

    private static readonly CsrMatrix s_c = CsrMatrix.FromTriplets(4, 4, [(0, 1, 9), (0, 2, 10), (0, 3, 2), (1, 0, 9), (2, 1, 4), (2, 3, 8)]);

    [Fact]
    public void Shared_counts()
    {
        foreach (var dataflow in Enum.GetValues<SpGemmDataflow>())
        {
            var r = SpGemmModel.Evaluate(s_gemm, s_tile, dataflow, SpGemmMerge.Merger);
            Assert.Equal((7L, 6L, 1L, 3L), (r.Multiplies, r.NnzC, r.MergeAdds, r.PartialMatrices));
            Assert.Equal((2, 4L, 3), (r.MaxRowNnzA, r.MaxRowPartials, r.MaxRowNnzC));
        }
    }

    [Fact]
    public void Every_dataflow_computes_the_worked_product()
    {
        Assert.True(ReferenceSpGemm.Multiply(s_a, s_b).SameStructure(s_c));
        foreach (var (dataflow, merge) in new[] { (SpGemmDataflow.Inner, SpGemmMerge.Hash), (SpGemmDataflow.Outer, SpGemmMerge.Hash),
                     (SpGemmDataflow.RowWise, SpGemmMerge.Hash), (SpGemmDataflow.RowWise, SpGemmMerge.Dense), (SpGemmDataflow.RowWise, SpGemmMerge.Merger) })
        {
            var c = SpGemmModel.Execute(s_gemm, dataflow, merge, mergerRadix: 2);
            Assert.True(c.SameStructure(s_c), $"{dataflow} {merge}");
            Assert.Equal(s_c.Values.ToArray(), c.Values.ToArray());
        }
    }

    [Fact]
    public void Inner_product()
    {
        // Intersections M·N = 16; coordinate reads N·nnz(A) + M·nnz(B) = 4·5 + 4·5 = 40.
        // Row reads N·r_i + nnz(B) = [13, 9, 13, 5]; dealt by reads: r0→PE0 (13), r1→PE1 (9), r2→PE1 (22), r3→PE0 (18).
        // Compute = max(13+5, 9+13) = 22; multiplies per PE: PE0 4+0, PE1 1+2 ⇒ 4.
        // B columns 12, 24, 12, 12 B fit one 60 B block ⇒ A read once: 5·12 + 20 = 80; B 60 + 20 = 80; C 6·12 + 20 = 92.
        // DRAM 252 B / 16 = 15.75 ⇒ 16 cycles; cycles = max(22, 16) = 22.
        // SRAM A = N·nnz(A)·4 + F·8 = 80 + 56 = 136, likewise B; C = 72.
        var r = SpGemmModel.Evaluate(s_gemm, s_tile, SpGemmDataflow.Inner);
        Assert.Equal((16L, 40L, 0L, 0L, 1L), (r.Intersections, r.CoordinateReads, r.PartialProducts, r.MergeSteps, r.BColumnBlocks));
        Assert.Equal((80L, 80L, 0L, 92L), (r.DramReadABytes, r.DramReadBBytes, r.DramPartialBytes, r.DramWriteCBytes));
        Assert.Equal((136L, 136L, 0L, 72L), (r.SramReadABytes, r.SramReadBBytes, r.SramPartialBytes, r.SramWriteCBytes));
        Assert.Equal((4L, 22L, 22L, 16L, 22L), (r.MultiplyCycles, r.MergeCycles, r.ComputeCycles, r.DramCycles, r.Cycles));
        // A 24 B buffer cuts B's columns into [12] [24] [12 12]: three blocks, A streamed three times.
        Assert.Equal(3, InnerProductModel.ColumnBlocks([1, 2, 1, 1], 24, 12));
    }

    [Fact]
    public void Outer_product()
    {
        // Multiply: a_k·b_k = [4,1,2,0] dealt k0→PE0 (4), k1→PE1 (1), k2→PE1 (3), k3→PE1 (3) ⇒ phase 4 cycles.
        // Merge: r_i ≤ radix 2 ⇒ one pass, steps = F_i = [4,1,2,0] = 7, same dealing ⇒ phase 4. Compute = 4 + 4 = 8.
        // Partials F·12 = 84 B > 60 B buffer ⇒ written and read back: 168 B. A, B: 60 + (K+1)·4 = 80 each; C 92.
        // DRAM 420 B / 16 = 26.25 ⇒ 27 cycles = max(8, 27).
        // SRAM: A 60, B F·12 = 84, partials (F + 2·steps)·12 = 21·12 = 252, C 72.
        var r = SpGemmModel.Evaluate(s_gemm, s_tile, SpGemmDataflow.Outer);
        Assert.Equal((7L, 7L), (r.PartialProducts, r.MergeSteps));
        Assert.Equal((80L, 80L, 168L, 92L), (r.DramReadABytes, r.DramReadBBytes, r.DramPartialBytes, r.DramWriteCBytes));
        Assert.Equal((60L, 84L, 252L, 72L), (r.SramReadABytes, r.SramReadBBytes, r.SramPartialBytes, r.SramWriteCBytes));
        Assert.Equal((4L, 4L, 8L, 27L, 27L), (r.MultiplyCycles, r.MergeCycles, r.ComputeCycles, r.DramCycles, r.Cycles));
    }

    [Fact]
    public void Row_wise_hash()
    {
        // Per row: probes F_i = [4,1,2,0], sort n·⌈log₂ n⌉ of nnz(C_i) = [3·2, 0, 2·1, 0] ⇒ merge cycles [10, 1, 4, 0];
        // multiplies [4, 1, 2, 0]. Rows dealt by F_i + 1 = [5,2,3,1]: r0→PE0, r1→PE1, r2→PE1, r3→PE0 (tie 5/5 → PE0).
        // Compute = max(10 + 0, 1 + 4) = 10; multiply = max(4, 3) = 4.
        // B rows in A's order k0, k2, k1, k0 through a 60 B LRU: 24, 24, 12 B misses (60 B full), then k0 hits ⇒
        // 3 fetches, 5 elements: 60 + 20 = 80 B (without the cache: F = 7 elements, 84 + 20 = 104 B).
        // Row 0 has 3 output entries > 2 table entries ⇒ spills its 4 partials: 2·4·12 = 96 B.
        // DRAM 80 + 80 + 96 + 92 = 348 B / 16 = 21.75 ⇒ 22 cycles = max(10, 22).
        // Occupancy nnz(C_i) over busy rows = 3, 1, 2: max 3, mean 2. SRAM partials: 2 accesses × 7 probes × 12 B = 168.
        // Load factor 1: a row spills only past the table's 2 entries.
        var r = SpGemmModel.Evaluate(s_gemm, s_tile with { LoadFactor = 1 }, SpGemmDataflow.RowWise, SpGemmMerge.Hash);
        Assert.Equal((7L, 8L, 7L), (r.PartialProducts, r.MergeSteps, r.AccumulatorOps));
        Assert.Equal((3L, 2.0, 1L, 3L), (r.AccumulatorMaxEntries, r.AccumulatorMeanEntries, r.SpilledRows, r.BRowFetches));
        Assert.Equal((80L, 80L, 104L, 96L, 92L), (r.DramReadABytes, r.DramReadBBytes, r.DramReadBUncachedBytes, r.DramPartialBytes, r.DramWriteCBytes));
        Assert.Equal((60L, 84L, 168L, 72L), (r.SramReadABytes, r.SramReadBBytes, r.SramPartialBytes, r.SramWriteCBytes));
        Assert.Equal((4L, 10L, 10L, 22L, 22L), (r.MultiplyCycles, r.MergeCycles, r.ComputeCycles, r.DramCycles, r.Cycles));
        Assert.Equal((0L, 0.0), (r.MergerMaxFibers, r.MergerMeanFibers));
    }

    [Fact]
    public void Hash_spills_past_entries_times_load_factor()
    {
        // Default α = 0.75: 2 entries hold 1.5 ⇒ row 2 (nnz 2) spills too: partials 4 + 2 = 6 ⇒ 2·6·12 = 144 B.
        // DRAM 80 + 80 + 144 + 92 = 396 B / 16 = 24.75 ⇒ 25 cycles.
        var r = SpGemmModel.Evaluate(s_gemm, s_tile, SpGemmDataflow.RowWise, SpGemmMerge.Hash);
        Assert.Equal(0.75, s_tile.LoadFactor);
        Assert.Equal((2L, 144L, 25L), (r.SpilledRows, r.DramPartialBytes, r.Cycles));
        // α = 0.5 on 6 entries holds 3: row 0 (nnz 3) fits exactly, nothing spills; α = 0.49 spills row 0 only.
        Assert.Equal(0L, SpGemmModel.Evaluate(s_gemm, s_tile with { AccumulatorEntries = 6, LoadFactor = 0.5 }, SpGemmDataflow.RowWise, SpGemmMerge.Hash).SpilledRows);
        var tight = SpGemmModel.Evaluate(s_gemm, s_tile with { AccumulatorEntries = 6, LoadFactor = 0.49 }, SpGemmDataflow.RowWise, SpGemmMerge.Hash);
        Assert.Equal((1L, 96L), (tight.SpilledRows, tight.DramPartialBytes));
        // The dense SPA indexes directly: the load factor does not apply.
        Assert.Equal(0L, SpGemmModel.Evaluate(s_gemm, s_tile with { AccumulatorEntries = 4, LoadFactor = 0.1 }, SpGemmDataflow.RowWise, SpGemmMerge.Dense).DramPartialBytes);
    }

    [Fact]
    public void Outer_product_hides_dram_per_phase()
    {
        // 1 PE, partials fit (no spill): multiply phase Σ⌈a_k·b_k⌉ = 7 cycles vs DRAM A + B = 160 B / 16 = 10;
        // merge phase 7 steps vs DRAM C = 92 B / 16 = 5.75 ⇒ 6. Cycles = max(7, 10) + max(7, 6) = 17 — not
        // max(7 + 7, ⌈252/16⌉ = 16) = 16: the merge phase cannot hide A and B, they were needed before it started.
        var r = SpGemmModel.Evaluate(s_gemm, s_tile with { Pes = 1, CacheBytes = 1000 }, SpGemmDataflow.Outer);
        Assert.Equal((7L, 7L, 14L, 0L), (r.MultiplyCycles, r.MergeCycles, r.ComputeCycles, r.DramPartialBytes));
        Assert.Equal((10L, 6L, 16L, 17L), (r.MultiplyPhaseDramCycles, r.MergePhaseDramCycles, r.DramCycles, r.Cycles));
    }

    [Fact]
    public void Merger_skips_empty_fibers_and_later_passes_move_combined_elements()
    {
        // A (2×4): row0 = {k0, k1, k3}, row1 = {k0, k1, k2};  B (4×3): k0 → {0,1}, k1 → {1,2}, k2 → {2}, k3 → {} (b_3 = 0).
        // Radix 2. Row 0: r = 3 but f = 2 non-empty fibers ⇒ one pass of F_0 = 4 steps (r would say 2 passes, 8).
        // Row 1: f = 3 ⇒ two passes: pass 1 moves F_1 = 5; its groups {k0,k1} → {0,1,2} and {k2} → {2} hand pass 2
        // 3 + 1 = 4 elements ⇒ 9 steps (F_1·passes = 10 would recount column 1's combined pair).
        var a = CsrMatrix.FromTriplets(2, 4, [(0, 0, 1), (0, 1, 1), (0, 3, 1), (1, 0, 1), (1, 1, 1), (1, 2, 1)]);
        var b = CsrMatrix.FromTriplets(4, 3, [(0, 0, 1), (0, 1, 1), (1, 1, 1), (1, 2, 1), (2, 2, 1)]);
        var gemm = new SpGemm("fibers", a, "A", b, "B");
        var s = SpGemmStructure.Of(gemm);
        Assert.Equal([3, 3], s.RowNnzA);
        Assert.Equal([2, 3], s.RowFibers);
        var tile = s_tile with { MergerRadix = 2, Pes = 1 };
        var merger = SpGemmModel.Evaluate(s, tile, SpGemmDataflow.RowWise, SpGemmMerge.Merger);
        Assert.Equal((13L, 2L, 2.0), (merger.MergeSteps, merger.MergerMaxFibers, merger.MergerMeanFibers));
        Assert.Equal((0L, 0.0), (merger.AccumulatorMaxEntries, merger.AccumulatorMeanEntries));
        // On-chip partial traffic: the 13 − 9 = 4 elements that pass 2 re-reads and re-writes.
        Assert.Equal(2 * 4 * 12L, merger.SramPartialBytes);
        Assert.Equal(13L, SpGemmModel.Evaluate(s, tile, SpGemmDataflow.Outer).MergeSteps);
        // Radix 3 holds row 1's three fibers: one pass each ⇒ F = 9 steps.
        Assert.Equal(9L, SpGemmModel.Evaluate(s, tile with { MergerRadix = 3 }, SpGemmDataflow.RowWise, SpGemmMerge.Merger).MergeSteps);
    }

    [Fact]
    public void Row_wise_merger_and_dense()
    {
        // Merger radix 2: r_i ≤ 2 ⇒ one pass, steps = F = 7, per-row merge cycles [4,1,2,0] = multiplies ⇒ compute 4.
        // Fibers in flight min(f_i, 2) over busy rows = 2, 1, 1 (row 2's k3 fiber is empty: b_3 = 0) ⇒ max 2, mean 4/3.
        // No accumulator, no spill: DRAM 80 + 80 + 92 = 252 B ⇒ 16 cycles.
        var merger = SpGemmModel.Evaluate(s_gemm, s_tile, SpGemmDataflow.RowWise, SpGemmMerge.Merger);
        Assert.Equal((7L, 0L, 0L), (merger.MergeSteps, merger.AccumulatorOps, merger.SramPartialBytes));
        Assert.Equal((2L, 4.0 / 3, 0L), (merger.MergerMaxFibers, merger.MergerMeanFibers, merger.DramPartialBytes));
        Assert.Equal((0L, 0.0), (merger.AccumulatorMaxEntries, merger.AccumulatorMeanEntries));
        Assert.Equal((4L, 16L, 16L), (merger.ComputeCycles, merger.DramCycles, merger.Cycles));

        // A dense SPA spans all N = 4 columns; 2 entries cannot hold it.
        var dense = SpGemmModel.Evaluate(s_gemm, s_tile, SpGemmDataflow.RowWise, SpGemmMerge.Dense);
        Assert.False(dense.Feasible);
        Assert.Contains("N = 4", dense.Reason, StringComparison.Ordinal);
        Assert.Equal((0L, 0L, 7L), (dense.Cycles, dense.DramBytes, dense.Multiplies));
        var wide = SpGemmModel.Evaluate(s_gemm, s_tile with { AccumulatorEntries = 4 }, SpGemmDataflow.RowWise, SpGemmMerge.Dense);
        Assert.Equal((10L, 252L), (wide.ComputeCycles, wide.DramBytes)); // hash's work, no spill
    }

    [Fact]
    public void Merge_passes_and_sort_steps()
    {
        Assert.Equal([1, 1, 1, 2, 2, 3], new long[] { 0, 1, 2, 3, 4, 5 }.Select(n => MergerSteps.Passes(n, 2)));
        Assert.Equal([1, 2, 2, 3], new long[] { 64, 65, 4096, 4097 }.Select(n => MergerSteps.Passes(n, 64)));
        Assert.Equal([0L, 0, 2, 6, 8, 15], new long[] { 0, 1, 2, 3, 4, 5 }.Select(SpGemmModel.SortSteps));
    }

    [Fact]
    public void Pe_dealing_goes_to_the_least_loaded_pe()
    {
        Assert.Equal([0, 1, 1, 0], PeBalancer.Assign([5, 2, 3, 1], 2));
        Assert.Equal(6, PeBalancer.Makespan([0, 1, 1, 0], [5, 2, 3, 1], 2));
    }
}
