using Sim.Core.Hardware;
using Sim.Core.Sparse;

namespace Sim.Arch.Sparse;

/// <summary>Runs the cost model of one dataflow: one line per dataflow.</summary>
public static class SpGemmModel
{
    public static SpGemmResult Evaluate(SpGemm gemm, SparseTileSpec tile, SpGemmDataflow dataflow, SpGemmMerge merge = SpGemmMerge.Hash) =>
        Evaluate(gemm, SpGemmStructure.Of(gemm), tile, dataflow, merge);

    /// <summary>Reuses a structure computed once for several dataflows.</summary>
    public static SpGemmResult Evaluate(SpGemm gemm, SpGemmStructure structure, SparseTileSpec tile, SpGemmDataflow dataflow, SpGemmMerge merge = SpGemmMerge.Hash)
    {
        ArgumentNullException.ThrowIfNull(gemm);
        ArgumentNullException.ThrowIfNull(structure);
        ArgumentNullException.ThrowIfNull(tile);
        return dataflow switch
        {
            SpGemmDataflow.Inner => InnerProductModel.Evaluate(structure, tile),
            SpGemmDataflow.Outer => OuterProductModel.Evaluate(structure, tile),
            _ => RowWiseModel.Evaluate(gemm, structure, tile, merge),
        };
    }

    /// <summary>Runs the dataflow functionally, in its own loop order.</summary>
    public static CsrMatrix Execute(SpGemm gemm, SpGemmDataflow dataflow, SpGemmMerge merge = SpGemmMerge.Hash, int mergerRadix = 64) => dataflow switch
    {
        SpGemmDataflow.Inner => InnerProductExecutor.Execute(gemm),
        SpGemmDataflow.Outer => OuterProductExecutor.Execute(gemm),
        _ => RowWiseExecutor.Execute(gemm, merge, mergerRadix),
    };

    /// <summary>The counters every dataflow shares, straight from the structure.</summary>
    internal static SpGemmResult Base(SpGemmStructure s, SparseTileSpec tile, SpGemmDataflow dataflow) => new()
    {
        Dataflow = dataflow,
        M = s.M,
        K = s.K,
        N = s.N,
        NnzA = s.NnzA,
        NnzB = s.NnzB,
        NnzC = s.NnzC,
        Multiplies = s.Multiplies,
        MergeAdds = s.Multiplies - s.NnzC,
        PartialMatrices = s.PartialMatrices,
        MaxRowNnzA = s.MaxRowNnzA,
        MaxRowPartials = s.MaxRowPartials,
        MaxRowNnzC = s.MaxRowNnzC,
        Pes = tile.Pes,
    };

    /// <summary>Adds the DRAM time and the overall max(compute, DRAM).</summary>
    internal static SpGemmResult WithTime(SpGemmResult r, SparseTileSpec tile)
    {
        var dram = (long)Math.Ceiling(r.DramBytes / tile.DramBytesPerCycle);
        return r with { DramCycles = dram, Cycles = Math.Max(r.ComputeCycles, dram) };
    }

    /// <summary>CSR/CSC offsets array of a matrix with <paramref name="lines"/> rows or columns, read once per pass.</summary>
    public static long PointerBytes(long lines, SparseTileSpec tile) => (lines + 1) * tile.IndexBytes;

    /// <summary>⌈log_R n⌉ merge passes for n fibers, at least one pass for a non-empty row (its elements still flow through).</summary>
    public static int MergePasses(long fibers, int radix)
    {
        var passes = 1;
        for (var width = (long)radix; width < fibers; width *= radix)
            passes++;
        return passes;
    }

    /// <summary>n·⌈log₂ n⌉ compare steps to sort n drained accumulator entries into column order (0 for n ≤ 1).</summary>
    public static long SortSteps(long n) => n <= 1 ? 0 : n * (64 - long.LeadingZeroCount(n - 1));
}
