using Sim.Core.Hardware;

namespace Sim.Arch.Sparse;

/// <summary>
/// Outer product (k,i,j), OuterSPACE-style two phases. Multiply: column k of A (CSC) times row k of B (CSR) makes a
/// rank-1 partial matrix of a_k·b_k products; columns are dealt to PEs by a_k·b_k; ⌈a_k·b_k/mul⌉ cycles each.
/// Merge: output row i merges its r_i partial rows (F_i elements) through a radix-R merger, max(1,⌈log_R r_i⌉) passes
/// of F_i element-steps, ⌈steps/merge_ops⌉ cycles; rows dealt by F_i. Phases run one after the other (OuterSPACE;
/// SpArch's pipelined on-chip merge is not modelled). Partials: all F go to DRAM and back (2F elements) unless the
/// whole set fits the on-chip buffer.
/// </summary>
public static class OuterProductModel
{
    public static SpGemmResult Evaluate(SpGemmStructure s, SparseTileSpec tile)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(tile);
        var element = tile.ElementBytes;

        var products = new long[s.K];
        var mul = new long[s.K];
        for (var k = 0; k < s.K; k++)
        {
            products[k] = (long)s.ColNnzA[k] * s.RowNnzB[k];
            mul[k] = PeBalancer.CeilDiv(products[k], tile.MultipliersPerPe);
        }

        var mergeCycles = new long[s.M];
        long steps = 0;
        for (var i = 0; i < s.M; i++)
        {
            var rowSteps = s.RowPartials[i] == 0 ? 0 : s.RowPartials[i] * SpGemmModel.MergePasses(s.RowNnzA[i], tile.MergerRadix);
            steps += rowSteps;
            mergeCycles[i] = PeBalancer.CeilDiv(rowSteps, tile.MergeOpsPerPe);
        }

        var multiplyPhase = PeBalancer.Makespan(PeBalancer.Assign(products, tile.Pes), mul, tile.Pes);
        var mergePhase = PeBalancer.Makespan(PeBalancer.Assign(s.RowPartials, tile.Pes), mergeCycles, tile.Pes);
        var partialBytes = s.Multiplies * element;
        var result = SpGemmModel.Base(s, tile, SpGemmDataflow.Outer) with
        {
            PartialProducts = s.Multiplies,
            MergeSteps = steps,
            DramReadABytes = s.NnzA * element + SpGemmModel.PointerBytes(s.K, tile),
            DramReadBBytes = s.NnzB * element + SpGemmModel.PointerBytes(s.K, tile),
            DramPartialBytes = partialBytes > tile.CacheBytes ? 2 * partialBytes : 0,
            DramWriteCBytes = s.NnzC * element + SpGemmModel.PointerBytes(s.M, tile),
            SramReadABytes = s.NnzA * element,
            SramReadBBytes = s.Multiplies * element,
            SramPartialBytes = (s.Multiplies + 2 * steps) * element,
            SramWriteCBytes = s.NnzC * element,
            MultiplyCycles = multiplyPhase,
            MergeCycles = mergePhase,
            ComputeCycles = multiplyPhase + mergePhase,
        };
        return SpGemmModel.WithTime(result, tile);
    }
}
