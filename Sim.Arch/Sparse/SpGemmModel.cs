using Sim.Core.Hardware;
using Sim.Core.Sparse;

namespace Sim.Arch.Sparse;

/// <summary>Runs the cost model of one dataflow: one line per dataflow.</summary>
public static class SpGemmModel
{
    public static SpGemmResult Evaluate(SpGemm gemm, SparseTileSpec tile, SpGemmDataflow dataflow, SpGemmMerge merge = SpGemmMerge.Hash) =>
        Evaluate(SpGemmStructure.Of(gemm), tile, dataflow, merge);

    /// <summary>Reuses a structure computed once for several dataflows (it carries its own operands).</summary>
    /// <exception cref="OverflowException">A count, byte total or cycle total exceeds 64 bits (checked arithmetic).</exception>
    public static SpGemmResult Evaluate(SpGemmStructure structure, SparseTileSpec tile, SpGemmDataflow dataflow, SpGemmMerge merge = SpGemmMerge.Hash)
    {
        ArgumentNullException.ThrowIfNull(structure);
        ArgumentNullException.ThrowIfNull(tile);
        return dataflow switch
        {
            SpGemmDataflow.Inner => InnerProductModel.Evaluate(structure, tile),
            SpGemmDataflow.Outer => OuterProductModel.Evaluate(structure, tile),
            _ => RowWiseModel.Evaluate(structure, tile, merge),
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

    /// <summary>Adds the DRAM time and the overall max(compute, DRAM) (inner, row-wise: one pipelined phase).</summary>
    internal static SpGemmResult WithTime(SpGemmResult r, SparseTileSpec tile)
    {
        var dram = DramCycles(r.DramBytes, tile);
        return r with { DramCycles = dram, Cycles = Math.Max(r.ComputeCycles, dram) };
    }

    /// <summary>⌈bytes / bandwidth⌉; a bandwidth so small that the time leaves 64 bits throws instead of saturating.</summary>
    /// <exception cref="OverflowException">The DRAM time does not fit a long.</exception>
    internal static long DramCycles(long bytes, SparseTileSpec tile) => checked((long)Math.Ceiling(bytes / tile.DramBytesPerCycle));

    /// <summary>CSR/CSC offsets array of a matrix with <paramref name="lines"/> rows or columns, read once per pass.</summary>
    public static long PointerBytes(long lines, SparseTileSpec tile) => checked((lines + 1) * tile.IndexBytes);

    /// <summary>n·⌈log₂ n⌉ compare steps to sort n drained accumulator entries into column order (0 for n ≤ 1).</summary>
    public static long SortSteps(long n) => n <= 1 ? 0 : checked(n * (64 - long.LeadingZeroCount(n - 1)));
}
