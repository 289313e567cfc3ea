namespace Sim.Arch.Sparse;

/// <summary>
/// Every counter of one SpGEMM on one sparse tile with one dataflow. Counts are exact (from the operands' structure);
/// bytes use the tile's value + index widths. An infeasible run (<see cref="Feasible"/> false) keeps its
/// structural counts and a <see cref="Reason"/>; its traffic and cycles are zero.
/// </summary>
public sealed record SpGemmResult
{
    public required SpGemmDataflow Dataflow { get; init; }

    /// <summary>Row-wise only; null for inner and outer product.</summary>
    public SpGemmMerge? Merge { get; init; }

    public bool Feasible { get; init; } = true;

    public string? Reason { get; init; }

    public required int M { get; init; }

    public required int K { get; init; }

    public required int N { get; init; }

    public required long NnzA { get; init; }

    public required long NnzB { get; init; }

    public required long NnzC { get; init; }

    /// <summary>F = Σ_k a_k·b_k, identical for every dataflow (ineffectual work skipped).</summary>
    public required long Multiplies { get; init; }

    /// <summary>Products that exist as separate partial values before reduction: F (outer, row-wise), 0 (inner reduces in place).</summary>
    public long PartialProducts { get; init; }

    /// <summary>Additions that reduce products into C: F − nnz(C) for every dataflow.</summary>
    public required long MergeAdds { get; init; }

    /// <summary>Sort/merge element-steps: merger passes (pass 1 moves F_i, each later pass the distinct columns of the previous pass's groups; exact) or the sort of a drained accumulator (Σ n_i·⌈log₂ n_i⌉).</summary>
    public long MergeSteps { get; init; }

    /// <summary>Hash probes or SPA read-modify-writes: one per partial product (hash, dense), else 0.</summary>
    public long AccumulatorOps { get; init; }

    /// <summary>Inner product: output pairs tested, M·N.</summary>
    public long Intersections { get; init; }

    /// <summary>Inner product: Σ_{i,j}(r_i + c_j) = N·nnz(A) + M·nnz(B).</summary>
    public long CoordinateReads { get; init; }

    /// <summary>#k with a_k·b_k &gt; 0 (the outer product's rank-1 partial matrices; reported for every dataflow).</summary>
    public required long PartialMatrices { get; init; }

    public required int MaxRowNnzA { get; init; }

    public required long MaxRowPartials { get; init; }

    public required int MaxRowNnzC { get; init; }

    /// <summary>Row-wise hash/dense: peak live accumulator entries, max nnz(C_i,:) (0 for the merger and other dataflows).</summary>
    public long AccumulatorMaxEntries { get; init; }

    /// <summary>Row-wise hash/dense: mean nnz(C_i,:) over rows with at least one partial product.</summary>
    public double AccumulatorMeanEntries { get; init; }

    /// <summary>Row-wise merger: peak fibers in flight, max min(f_i, R) over non-empty fibers f_i (0 otherwise).</summary>
    public long MergerMaxFibers { get; init; }

    /// <summary>Row-wise merger: mean min(f_i, R) over rows with at least one partial product.</summary>
    public double MergerMeanFibers { get; init; }

    /// <summary>Row-wise hash: rows whose nnz(C_i,:) overflowed the table and went through DRAM.</summary>
    public long SpilledRows { get; init; }

    /// <summary>Row-wise: B rows fetched from DRAM (misses of the B-row cache).</summary>
    public long BRowFetches { get; init; }

    /// <summary>Inner product: blocks of B columns that fit the on-chip buffer; A is streamed once per block.</summary>
    public long BColumnBlocks { get; init; }

    public long DramReadABytes { get; init; }

    public long DramReadBBytes { get; init; }

    /// <summary>Partial products written to and read back from DRAM (outer product spill, hash-table overflow).</summary>
    public long DramPartialBytes { get; init; }

    /// <summary>Row-wise: what B would cost with no cache (F elements + row pointers); the cache's saving is this minus <see cref="DramReadBBytes"/>.</summary>
    public long DramReadBUncachedBytes { get; init; }

    public long DramWriteCBytes { get; init; }

    public long DramBytes => checked(DramReadABytes + DramReadBBytes + DramPartialBytes + DramWriteCBytes);

    public long SramReadABytes { get; init; }

    public long SramReadBBytes { get; init; }

    /// <summary>On-chip partial/accumulator traffic (reads + writes).</summary>
    public long SramPartialBytes { get; init; }

    public long SramWriteCBytes { get; init; }

    public required int Pes { get; init; }

    /// <summary>Busiest PE's multiply cycles (outer: the multiply phase).</summary>
    public long MultiplyCycles { get; init; }

    /// <summary>Busiest PE's merge, accumulate or intersect cycles (outer: the merge phase).</summary>
    public long MergeCycles { get; init; }

    /// <summary>Busiest PE's compute time: Σ max(multiply, merge) per row when pipelined (inner, row-wise); multiply + merge phases (outer).</summary>
    public long ComputeCycles { get; init; }

    /// <summary>⌈DRAM bytes / bandwidth⌉ over the whole run.</summary>
    public long DramCycles { get; init; }

    /// <summary>Outer product: DRAM time of the multiply phase, ⌈(A + B + partial writes) / bandwidth⌉ (0 otherwise).</summary>
    public long MultiplyPhaseDramCycles { get; init; }

    /// <summary>Outer product: DRAM time of the merge phase, ⌈(partial reads + C) / bandwidth⌉ (0 otherwise).</summary>
    public long MergePhaseDramCycles { get; init; }

    /// <summary>
    /// Inner, row-wise: max(compute, DRAM) — fetch is decoupled from compute (Gamma's FiberCache prefetch), so the slower
    /// one bounds. Outer: max(multiply, multiply-phase DRAM) + max(merge, merge-phase DRAM), the phases in sequence.
    /// </summary>
    public long Cycles { get; init; }
}
