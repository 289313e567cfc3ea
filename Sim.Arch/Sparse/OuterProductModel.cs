using Sim.Arch.Folding;
using Sim.Core.Hardware;

namespace Sim.Arch.Sparse;

/// <summary>
/// Outer product (k,i,j), OuterSPACE-style two phases that run one after the other (SpArch's pipelined on-chip merge
/// is not modelled). Multiply: column k of A (CSC) times row k of B (CSR) makes a rank-1 partial matrix of a_k·b_k
/// products; columns are dealt to PEs by a_k·b_k; ⌈a_k·b_k/mul⌉ cycles each. Merge: output row i merges its f_i
/// non-empty partial rows (F_i elements) through a radix-R merger, max(1,⌈log_R f_i⌉) passes counted exactly
/// (<see cref="MergerSteps"/>), ⌈steps/merge_ops⌉ cycles; rows dealt by F_i.
/// DRAM is split by phase: the multiply phase reads A and B and writes the partials, the merge phase reads the
/// partials back and writes C; each phase takes max(its compute, its DRAM time) and the phases add.
/// Partials go to DRAM all or nothing: if F·element bytes exceed the buffer every partial makes the round trip (2F
/// elements), one byte under it none do — a cliff, kept on purpose (OuterSPACE spills the whole partial set; a
/// partial spill would need a replacement policy the paper does not give).
/// </summary>
public static class OuterProductModel
{
    public static SpGemmResult Evaluate(SpGemmStructure s, SparseTileSpec tile)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(tile);
        checked
        {
            var element = tile.ElementBytes;
            var products = new long[s.K];
            var mul = new long[s.K];
            for (var k = 0; k < s.K; k++)
            {
                products[k] = (long)s.ColNnzA[k] * s.RowNnzB[k];
                mul[k] = FoldGeometry.CeilDiv(products[k], tile.MultipliersPerPe);
            }

            var counter = new MergerSteps(s.N);
            var mergeCycles = new long[s.M];
            long steps = 0;
            for (var i = 0; i < s.M; i++)
            {
                var rowSteps = s.RowPartials[i] == 0 ? 0 : counter.Row(s, i, tile.MergerRadix);
                steps += rowSteps;
                mergeCycles[i] = FoldGeometry.CeilDiv(rowSteps, tile.MergeOpsPerPe);
            }

            var multiplyPhase = PeBalancer.Makespan(PeBalancer.Assign(products, tile.Pes), mul, tile.Pes);
            var mergePhase = PeBalancer.Makespan(PeBalancer.Assign(s.RowPartials, tile.Pes), mergeCycles, tile.Pes);
            var partialBytes = s.Multiplies * element;
            var spill = partialBytes > tile.CacheBytes;
            var readA = s.NnzA * element + SpGemmModel.PointerBytes(s.K, tile);
            var readB = s.NnzB * element + SpGemmModel.PointerBytes(s.K, tile);
            var writeC = s.NnzC * element + SpGemmModel.PointerBytes(s.M, tile);
            var multiplyDram = SpGemmModel.DramCycles(readA + readB + (spill ? partialBytes : 0), tile);
            var mergeDram = SpGemmModel.DramCycles((spill ? partialBytes : 0) + writeC, tile);
            var result = SpGemmModel.Base(s, tile, SpGemmDataflow.Outer) with
            {
                PartialProducts = s.Multiplies,
                MergeSteps = steps,
                DramReadABytes = readA,
                DramReadBBytes = readB,
                DramPartialBytes = spill ? 2 * partialBytes : 0,
                DramWriteCBytes = writeC,
                SramReadABytes = s.NnzA * element,
                SramReadBBytes = s.Multiplies * element,
                SramPartialBytes = (s.Multiplies + 2 * steps) * element,
                SramWriteCBytes = s.NnzC * element,
                MultiplyCycles = multiplyPhase,
                MergeCycles = mergePhase,
                ComputeCycles = multiplyPhase + mergePhase,
                MultiplyPhaseDramCycles = multiplyDram,
                MergePhaseDramCycles = mergeDram,
            };
            return result with
            {
                DramCycles = SpGemmModel.DramCycles(result.DramBytes, tile),
                Cycles = Math.Max(multiplyPhase, multiplyDram) + Math.Max(mergePhase, mergeDram),
            };
        }
    }
}
