using Sim.Core.Hardware;
using Sim.Core.Workloads;

namespace Sim.Arch.Matrix2D;

/// <summary>Counts produced by stepping the broadcast matrix cycle by cycle.</summary>
public readonly record struct Matrix2DTraceCounts(long Cycles, long IfmapReads, long FilterReads, long OfmapWrites, long MacSlots);

/// <summary>
/// A cycle-stepped reference of the broadcast matrix, built from its resources rather than from the closed form of
/// <see cref="Matrix2DModel"/> (which tests check against it): one operand-register stage, the main accumulators, the
/// shadow accumulators and their row-select drain (one of the fold's active rows a cycle). The controller issues
/// greedily — a step is read from SRAM whenever the operand registers are free — and a MAC stalls while the
/// accumulators hold a finished fold that the still-draining shadow cannot take yet. No fold period is assumed; each
/// fold's max(K, r) emerges. Deliberately O(cycles × (R + C)): every
/// word read, MAC slot and word written is counted one by one.
/// </summary>
public static class Matrix2DTraceModel
{
    public static Matrix2DTraceCounts Run(GemmShape gemm, Matrix2DSpec spec)
    {
        var g = Matrix2DModel.Geometry(gemm, spec);
        var k = g.StreamDim;
        long ifmap = 0, filter = 0, ofmap = 0, macs = 0;

        // Column folds outer: fold f has cf = f / RowFolds, rf = f % RowFolds.
        int Rows(long f) => g.ActiveRows(f % g.RowFolds);
        int Cols(long f) => g.ActiveCols(f / g.RowFolds);

        long nextFold = 0, nextStep = 0, drained = 0;
        long regFold = -1;                 // operand registers: which fold's step they hold (-1 = empty)
        long accFold = -1, accSteps = 0;   // main accumulators
        long shadowFold = -1;              // shadow accumulators
        int shadowRowsLeft = 0;            // active rows of the shadow's fold not yet drained
        long t = 0;
        for (; drained < g.Folds; t++)
        {
            // Drain: one active row of the shadow leaves over the column buses, one word per active column.
            if (shadowFold >= 0)
            {
                shadowRowsLeft--;
                for (var j = 0; j < Cols(shadowFold); j++)
                    ofmap++;

                if (shadowRowsLeft == 0)
                {
                    shadowFold = -1;
                    drained++;
                }
            }

            // MAC: consumes the operand registers unless the accumulators still hold a finished, un-handed-over fold.
            if (regFold >= 0 && (accFold < 0 || accSteps < k))
            {
                accFold = regFold;
                for (var i = 0; i < Rows(regFold); i++)
                {
                    for (var j = 0; j < Cols(regFold); j++)
                        macs++;
                }

                accSteps++;
                regFold = -1;
            }

            // Handover at the clock edge: a finished fold moves to the shadow once the shadow has drained.
            if (accFold >= 0 && accSteps == k && shadowFold < 0)
            {
                (shadowFold, shadowRowsLeft) = (accFold, Rows(accFold));
                (accFold, accSteps) = (-1, 0);
            }

            // Issue: read the next step's A column and B row into the free operand registers.
            if (regFold < 0 && nextFold < g.Folds)
            {
                for (var i = 0; i < Rows(nextFold); i++)
                    ifmap++;
                for (var j = 0; j < Cols(nextFold); j++)
                    filter++;
                regFold = nextFold;
                if (++nextStep == k)
                    (nextFold, nextStep) = (nextFold + 1, 0);
            }
        }

        return new Matrix2DTraceCounts(t, ifmap, filter, ofmap, macs);
    }
}
