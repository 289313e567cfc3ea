using Sim.Core.Hardware;
using Sim.Core.Workloads;

namespace Sim.Arch.Cube3D;

/// <summary>Counts produced by stepping the cube cycle by cycle (words, except <see cref="Cycles"/> and <see cref="Macs"/>).</summary>
public readonly record struct Cube3DTraceCounts(
    long Cycles,
    long Macs,
    long IfmapReads,
    long FilterReads,
    long OfmapWrites,
    long AccumulatorReads,
    long AccumulatorWrites);

/// <summary>
/// A cycle-stepped reference of the cube: an in-order pipeline of D stages (multiply, one stage per adder-tree level,
/// accumulate into L0C), a two-buffer L0C and a drain port that moves one row of a finished block per cycle, for its
/// active rows only. Every cycle: a step enters the multiply stage if it is empty; the drain port moves a row of the
/// oldest finished block; the step in the accumulate stage writes its L0C buffer if that buffer is its fold's or was
/// drained in an earlier cycle — otherwise the whole pipeline holds for the cycle; then the pipeline shifts. The run
/// ends when the last block has drained. Nothing here uses <see cref="Cube3DTiming"/>'s closed forms (the tree depth is
/// counted by halving), which tests check against it. Deliberately O(cycles × D) plus per-step counting; for small
/// shapes only.
/// </summary>
public static class Cube3DTraceModel
{
    private const int Empty = -1;

    public static Cube3DTraceCounts Run(GemmShape gemm, Cube3DSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (gemm.M <= 0 || gemm.N <= 0 || gemm.K <= 0 || spec.M <= 0 || spec.K <= 0 || spec.N <= 0)
            throw new ArgumentException($"dims must be positive ({gemm}, {spec})");

        long rowFolds = (gemm.M + spec.M - 1) / spec.M, colFolds = (gemm.N + spec.N - 1) / spec.N;
        long folds = rowFolds * colFolds, steps = (gemm.K + spec.K - 1) / spec.K;
        var treeLevels = 0;
        for (var width = 1; width < spec.K; width *= 2)
            treeLevels++;
        var depth = 1 + treeLevels + 1;

        // Folds run column-fold-major: fold f is row fold f % rowFolds of column fold f / rowFolds.
        int Rows(long f) => (int)Math.Min(spec.M, gemm.M - f % rowFolds * spec.M);
        int Cols(long f) => (int)Math.Min(spec.N, gemm.N - f / rowFolds * spec.N);
        int Lanes(long step) => (int)Math.Min(spec.K, gemm.K - step * spec.K);

        var stageFold = new long[depth]; // which fold's step occupies each stage; Empty if none
        var stageStep = new long[depth];
        Array.Fill(stageFold, Empty);
        var owner = new long[] { Empty, Empty }; // fold whose block each L0C buffer holds
        var freeFrom = new long[2];               // first cycle a drained buffer may be written again
        var written = new long[folds];            // steps accumulated per fold
        var finishedAt = new long[folds];         // cycle of each fold's last L0C write
        long nextStep = 0, drainFold = 0, drainRow = 0;
        long macs = 0, ifmap = 0, filter = 0, ofmap = 0, accReads = 0, accWrites = 0;
        for (long t = 0; ; t++)
        {
            if (stageFold[0] == Empty && nextStep < folds * steps)
            {
                (stageFold[0], stageStep[0]) = (nextStep / steps, nextStep % steps);
                nextStep++;
                // Issue reads the step's A and B blocks once; they are broadcast across the cube.
                long f = stageFold[0], lanes = Lanes(stageStep[0]);
                ifmap += Rows(f) * lanes;
                filter += lanes * Cols(f);
                macs += Rows(f) * lanes * Cols(f);
            }

            // Drain port: one row (its active columns) per cycle of the oldest block whose last write happened in an
            // earlier cycle; the block is done after its active rows, so a partial row fold drains sooner.
            if (drainFold < folds && written[drainFold] == steps && (drainRow > 0 || finishedAt[drainFold] < t))
            {
                ofmap += Cols(drainFold);
                accReads += Cols(drainFold); // the drained row is read out of L0C
                if (++drainRow == Rows(drainFold))
                {
                    owner[drainFold % 2] = Empty;
                    freeFrom[drainFold % 2] = t + 1;
                    drainFold++;
                    drainRow = 0;
                    if (drainFold == folds)
                        return new(t + 1, macs, ifmap, filter, ofmap, accReads, accWrites);
                }
            }

            var hold = false;
            var last = depth - 1;
            if (stageFold[last] != Empty)
            {
                var f = stageFold[last];
                var buffer = f % 2;
                if (owner[buffer] == f || (owner[buffer] == Empty && freeFrom[buffer] <= t))
                {
                    owner[buffer] = f;
                    long outputs = Rows(f) * Cols(f);
                    accWrites += outputs;
                    if (stageStep[last] > 0)
                        accReads += outputs; // the first step initialises the entry
                    if (++written[f] == steps)
                        finishedAt[f] = t;
                }
                else
                {
                    hold = true; // L0C buffer still draining an older block
                }
            }

            if (hold)
                continue;
            for (var s = last; s > 0; s--)
                (stageFold[s], stageStep[s]) = (stageFold[s - 1], stageStep[s - 1]);
            stageFold[0] = Empty;
        }
    }
}
