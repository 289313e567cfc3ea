using System.Globalization;
using Sim.Arch.Folding;
using Sim.Core.Hardware;
using Sim.Core.Sparse;

namespace Sim.Arch.Sparse;

/// <summary>
/// Row-wise / Gustavson (i,k,j): output row i scales the B rows named by A's row i and merges them. Rows are dealt
/// to PEs by F_i; a row takes max(⌈F_i/mul⌉, ⌈merge work/merge_ops⌉) cycles (multiply and merge are pipelined).
/// Merge work: hash (SMASH) and dense SPA do one read-modify-write per partial product (F_i) plus the sort of the
/// row's nnz(C_i,:) entries into column order (n·⌈log₂ n⌉); merger (Gamma) moves the row's f_i non-empty fibers
/// through max(1,⌈log_R f_i⌉) passes, counted exactly (<see cref="MergerSteps"/>). B rows come through an LRU cache
/// of whole rows (<see cref="BRowCache"/>): with no cache B traffic is F elements, with one holding all of B it is
/// the rows' compulsory nnz. A hash row whose nnz(C_i,:) exceeds entries·load factor spills its F_i partials to DRAM
/// and back; a dense SPA narrower than N is infeasible.
/// </summary>
public static class RowWiseModel
{
    public static SpGemmResult Evaluate(SpGemmStructure s, SparseTileSpec tile, SpGemmMerge merge)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(tile);
        var element = tile.ElementBytes;
        var baseline = SpGemmModel.Base(s, tile, SpGemmDataflow.RowWise) with { Merge = merge, PartialProducts = s.Multiplies };
        if (merge == SpGemmMerge.Dense && s.N > tile.AccumulatorEntries)
        {
            return baseline with
            {
                Feasible = false,
                Reason = string.Create(CultureInfo.InvariantCulture, $"dense accumulator needs N = {s.N} entries, the tile has {tile.AccumulatorEntries}"),
            };
        }

        checked
        {
            var hashCapacity = tile.AccumulatorEntries * tile.LoadFactor;
            var counter = merge == SpGemmMerge.Merger ? new MergerSteps(s.N) : null;
            var mul = new long[s.M];
            var mergeCycles = new long[s.M];
            var both = new long[s.M];
            long steps = 0, accumulatorOps = 0, spilledRows = 0, spilledPartials = 0, occupancyMax = 0, occupancySum = 0, busyRows = 0;
            for (var i = 0; i < s.M; i++)
            {
                var partials = s.RowPartials[i];
                if (partials == 0)
                    continue;
                busyRows++;
                long rowSteps, rowOps, occupancy;
                if (counter is not null)
                {
                    rowSteps = counter.Row(s, i, tile.MergerRadix);
                    rowOps = 0;
                    occupancy = Math.Min(s.RowFibers[i], tile.MergerRadix);
                }
                else
                {
                    rowSteps = SpGemmModel.SortSteps(s.RowNnzC[i]);
                    rowOps = partials;
                    occupancy = s.RowNnzC[i];
                    if (merge == SpGemmMerge.Hash && s.RowNnzC[i] > hashCapacity)
                    {
                        spilledRows++;
                        spilledPartials += partials;
                    }
                }

                steps += rowSteps;
                accumulatorOps += rowOps;
                occupancyMax = Math.Max(occupancyMax, occupancy);
                occupancySum += occupancy;
                mul[i] = FoldGeometry.CeilDiv(partials, tile.MultipliersPerPe);
                mergeCycles[i] = FoldGeometry.CeilDiv(rowSteps + rowOps, tile.MergeOpsPerPe);
                both[i] = Math.Max(mul[i], mergeCycles[i]);
            }

            var work = new long[s.M];
            for (var i = 0; i < s.M; i++)
                work[i] = s.RowPartials[i] + 1;
            var owner = PeBalancer.Assign(work, tile.Pes);
            var cache = BRowCache.Simulate(s.Gemm.A, s.RowNnzB, tile.CacheBytes, element);
            var onChipPartials = counter is not null ? 2 * (steps - s.Multiplies) : 2 * accumulatorOps;
            var mean = busyRows == 0 ? 0 : (double)occupancySum / busyRows;
            var result = baseline with
            {
                MergeSteps = steps,
                AccumulatorOps = accumulatorOps,
                AccumulatorMaxEntries = counter is null ? occupancyMax : 0,
                AccumulatorMeanEntries = counter is null ? mean : 0,
                MergerMaxFibers = counter is not null ? occupancyMax : 0,
                MergerMeanFibers = counter is not null ? mean : 0,
                SpilledRows = spilledRows,
                BRowFetches = cache.Fetches,
                DramReadABytes = s.NnzA * element + SpGemmModel.PointerBytes(s.M, tile),
                DramReadBBytes = cache.FetchedElements * element + SpGemmModel.PointerBytes(s.K, tile),
                DramReadBUncachedBytes = s.Multiplies * element + SpGemmModel.PointerBytes(s.K, tile),
                DramPartialBytes = 2 * spilledPartials * element,
                DramWriteCBytes = s.NnzC * element + SpGemmModel.PointerBytes(s.M, tile),
                SramReadABytes = s.NnzA * element,
                SramReadBBytes = s.Multiplies * element,
                SramPartialBytes = onChipPartials * element,
                SramWriteCBytes = s.NnzC * element,
                MultiplyCycles = PeBalancer.Makespan(owner, mul, tile.Pes),
                MergeCycles = PeBalancer.Makespan(owner, mergeCycles, tile.Pes),
                ComputeCycles = PeBalancer.Makespan(owner, both, tile.Pes),
            };
            return SpGemmModel.WithTime(result, tile);
        }
    }
}
