using Sim.Core.Hardware;
using Sim.Core.Workloads;

namespace Sim.Arch.Systolic;

/// <summary>Counts produced by stepping the array cycle by cycle.</summary>
public readonly record struct TraceCounts(long Cycles, long IfmapReads, long FilterReads, long OfmapWrites);

/// <summary>
/// A cycle-stepped reference of the systolic array's edge traffic, the way SCALE-Sim builds demand matrices: every
/// cycle of every fold, every array row and column is asked whether a valid operand enters (skewed by its position) or
/// a finished output leaves. It is independent of <see cref="SystolicModel"/>'s closed forms, which tests check
/// against it, and it is the in-run baseline of <c>sim bench</c> — deliberately O(cycles × (R + C)).
/// </summary>
public static class SystolicTraceModel
{
    public static TraceCounts Run(GemmShape gemm, SystolicSpec spec, SimMode mode)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var g = FoldGeometry.Of(gemm, spec);
        long cycles = 0, ifmap = 0, filter = 0, ofmap = 0;
        for (long cf = 0; cf < g.ColFolds; cf++)
        {
            for (long rf = 0; rf < g.RowFolds; rf++)
            {
                int rows = g.ActiveRows(rf), cols = g.ActiveCols(cf);
                var foldCycles = mode == SimMode.ScaleSim ? g.FoldCycles(g.ArrayRows, g.ArrayCols) : g.FoldCycles(rows, cols);
                // WS/IS first shift the stationary tile in, one array row per cycle.
                var preload = g.PreloadsStationary ? (mode == SimMode.ScaleSim ? g.ArrayRows : rows) : 0;
                for (long t = 0; t < foldCycles; t++)
                {
                    if (t < preload)
                    {
                        if (t < rows)
                        {
                            // Stationary tile row loaded this cycle: filter (WS) or ifmap (IS), one word per active column.
                            if (g.Dataflow == Dataflow.Ws) filter += cols; else ifmap += cols;
                        }

                        continue;
                    }

                    var s = t - preload;
                    // Row edge: operand for row i enters skewed by i.
                    for (var i = 0; i < rows; i++)
                    {
                        var index = s - i;
                        if (index < 0 || index >= g.StreamDim) continue;
                        if (g.Dataflow == Dataflow.Is) filter++; else ifmap++;
                    }

                    // Column edge: OS streams the filter in from the top; the output leaves column j once complete.
                    for (var j = 0; j < cols; j++)
                    {
                        if (g.Dataflow == Dataflow.Os)
                        {
                            var index = s - j;
                            if (index >= 0 && index < g.StreamDim) filter++;
                            var row = s - (g.StreamDim - 1) - j; // PE (row, j) finishes at K-1+row+j
                            if (row >= 0 && row < rows) ofmap++;
                        }
                        else
                        {
                            var item = s - j - (rows - 1); // a partial sum leaves column j after crossing the active rows
                            if (item >= 0 && item < g.StreamDim) ofmap++;
                        }
                    }
                }

                cycles += foldCycles;
            }
        }

        return new TraceCounts(mode == SimMode.ScaleSim ? cycles - 1 : cycles, ifmap, filter, ofmap);
    }
}
