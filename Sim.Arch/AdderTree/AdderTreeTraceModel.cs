using Sim.Arch.Folding;
using Sim.Core.Hardware;
using Sim.Core.Workloads;

namespace Sim.Arch.AdderTree;

/// <summary>Counts produced by stepping the engine cycle by cycle; <see cref="MacSlots"/> = multipliers fed a real pair.</summary>
public readonly record struct AdderTreeTraceCounts(long Cycles, long IfmapReads, long FilterReads, long OfmapWrites, long OfmapReads, long MacSlots);

/// <summary>
/// A cycle-stepped reference of the engine's schedule, independent of <see cref="AdderTreeModel"/>'s closed forms
/// (which tests check against it). Each cycle, in this order: the issue unit swaps in the shadow weights when its fold
/// is done and the next tile is ready; it broadcasts one input vector into the pipeline; the weight loader fills one
/// of the next fold's active lanes in the shadow registers (starting a new tile only when the shadow set is free; a
/// tile is ready once its active lanes are loaded, idle lanes are skipped); the pipeline advances one
/// stage, and the vector in the last stage adds its lane sums into the ofmap buffer. The run ends the cycle after the
/// last add. The tree depth comes from halving the leaf count until one node is left. Deliberately
/// O(cycles × D).
/// </summary>
public static class AdderTreeTraceModel
{
    private readonly record struct InFlight(int Fold, long Item);

    public static AdderTreeTraceCounts Run(GemmShape gemm, AdderTreeSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Lanes <= 0 || spec.TreeWidth <= 0 || gemm.M <= 0 || gemm.N <= 0 || gemm.K <= 0)
            throw new ArgumentException($"dims must be positive ({spec}, {gemm})");
        var g = FoldGeometry.Of(gemm, Dataflow.Ws, spec.TreeWidth, spec.Lanes);
        // Folds in the order the loader visits them: column folds outer, K folds inner.
        var folds = new List<(int Rows, int Cols, bool FirstKFold)>();
        for (long cf = 0; cf < g.ColFolds; cf++)
        {
            for (long rf = 0; rf < g.RowFolds; rf++)
                folds.Add((g.ActiveRows(rf), g.ActiveCols(cf), rf == 0));
        }

        var treeLevels = 0;
        for (var nodes = spec.TreeWidth; nodes > 1; nodes = (nodes + 1) / 2)
            treeLevels++;
        var stages = new InFlight?[1 + treeLevels + 1]; // multiply, tree levels, add into the output

        int nextToLoad = 0, loadingFold = -1, loadedLanes = 0, shadowFold = -1, activeFold = -1;
        long nextItem = 0, ifmap = 0, filter = 0, ofmapWrites = 0, ofmapReads = 0, macSlots = 0, cycle = 0;
        var finished = false;
        for (; !finished; cycle++)
        {
            // Issue unit: swap in the next tile once the current fold has streamed every item.
            if ((activeFold < 0 || nextItem == gemm.M) && shadowFold >= 0)
                (activeFold, shadowFold, nextItem) = (shadowFold, -1, 0);
            InFlight? issued = null;
            if (activeFold >= 0 && nextItem < gemm.M)
            {
                var (rows, cols, _) = folds[activeFold];
                ifmap += rows; // one broadcast vector: the fold's K elements of A[item, ·]
                macSlots += (long)rows * cols;
                issued = new InFlight(activeFold, nextItem++);
            }

            // Weight loader: one active lane per cycle into the shadow registers (its K rows read, the rest zeros).
            if (loadingFold < 0 && shadowFold < 0 && nextToLoad < folds.Count)
                (loadingFold, loadedLanes) = (nextToLoad++, 0);
            if (loadingFold >= 0)
            {
                var (rows, cols, _) = folds[loadingFold];
                filter += rows;
                if (++loadedLanes == cols)
                    (shadowFold, loadingFold) = (loadingFold, -1);
            }

            // Pipeline: every vector moves one stage; the last stage adds into the ofmap buffer.
            for (var s = stages.Length - 1; s > 0; s--)
                stages[s] = stages[s - 1];
            stages[0] = issued;
            if (stages[^1] is { } done)
            {
                var (_, cols, firstKFold) = folds[done.Fold];
                ofmapWrites += cols;
                if (!firstKFold)
                    ofmapReads += cols; // read-modify-write of the earlier K folds' partial sum
            }

            finished = nextToLoad == folds.Count && loadingFold < 0 && shadowFold < 0 && nextItem == gemm.M
                && Array.TrueForAll(stages[..^1], s => s is null);
        }

        return new AdderTreeTraceCounts(cycle, ifmap, filter, ofmapWrites, ofmapReads, macSlots);
    }
}
