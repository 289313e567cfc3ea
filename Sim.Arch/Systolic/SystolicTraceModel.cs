using Sim.Arch.Folding;
using Sim.Core.Hardware;
using Sim.Core.Workloads;

namespace Sim.Arch.Systolic;

/// <summary>Counts produced by stepping the array cycle by cycle.</summary>
public readonly record struct TraceCounts(long Cycles, long IfmapReads, long FilterReads, long OfmapWrites);

/// <summary>
/// A cycle-stepped reference of the array's edge traffic, built the way SCALE-Sim builds demand matrices: every cycle
/// of every fold, each array row and column is asked whether a valid operand enters (skewed by its position) or a
/// result leaves at the bottom edge. A fold ends when its last result has left; nothing here uses the closed forms of
/// <see cref="SystolicModel"/>, which tests check against it. It is also <c>sim bench</c>'s in-run baseline, and
/// deliberately O(cycles × (R + C)).
/// <para>
/// Timing spans the full array height (results exit at the bottom edge; WS/IS tiles shift in from the top). In SCALE-Sim
/// mode it also spans the full width, as SCALE-Sim pads partial folds with null requests; by default only the active
/// columns. Only active PEs count accesses.
/// </para>
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
                int spanRows = g.ArrayRows, spanCols = mode == SimMode.ScaleSim ? g.ArrayCols : cols;
                var preload = g.PreloadsStationary() ? spanRows : 0;
                // Results to see leave, padded positions included: every PE's output (OS) or every item's partial sum per column.
                var resultsLeft = g.Dataflow == Dataflow.Os ? (long)spanRows * spanCols : g.StreamDim * spanCols;
                long t = 0;
                for (; resultsLeft > 0; t++)
                {
                    if (t < preload)
                    {
                        // The stationary tile shifts in one row per cycle: filter (WS) or ifmap (IS) words of the active columns.
                        if (t < rows)
                        {
                            if (g.Dataflow == Dataflow.Ws) filter += cols; else ifmap += cols;
                        }

                        continue;
                    }

                    var s = t - preload;
                    // Left edge: row i's streamed operand enters skewed by i.
                    for (var i = 0; i < rows; i++)
                    {
                        var index = s - i;
                        if (index < 0 || index >= g.StreamDim) continue;
                        if (g.Dataflow == Dataflow.Is) filter++; else ifmap++;
                    }

                    for (var j = 0; j < spanCols; j++)
                    {
                        if (g.Dataflow == Dataflow.Os)
                        {
                            // Top edge: column j's filter column enters skewed by j. PE (row, j) completes at K−1+row+j.
                            var index = s - j;
                            if (j < cols && index >= 0 && index < g.StreamDim) filter++;
                            var row = s - (g.StreamDim - 1) - j;
                            if (row < 0 || row >= spanRows) continue;
                            resultsLeft--;
                            if (row < rows && j < cols) ofmap++;
                        }
                        else
                        {
                            // Bottom edge: item's partial sum leaves column j after crossing every row.
                            var item = s - j - (spanRows - 1);
                            if (item < 0 || item >= g.StreamDim) continue;
                            resultsLeft--;
                            if (j < cols) ofmap++;
                        }
                    }
                }

                cycles += t; // the cycle after the last result left
            }
        }

        return new TraceCounts(mode == SimMode.ScaleSim ? Math.Max(1, cycles - 1) : cycles, ifmap, filter, ofmap);
    }
}
