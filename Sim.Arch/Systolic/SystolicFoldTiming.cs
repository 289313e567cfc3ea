using Sim.Arch.Folding;
using Sim.Core.Hardware;

namespace Sim.Arch.Systolic;

/// <summary>How long one fold takes on a systolic array: skewed fill and drain, and the WS/IS stationary preload.</summary>
public static class SystolicFoldTiming
{
    /// <summary>WS and IS must shift the stationary operand into the array (one row per cycle) before streaming.</summary>
    public static bool PreloadsStationary(this FoldGeometry g) => g.Dataflow != Dataflow.Os;

    /// <summary>
    /// Cycles of one fold whose operands span <paramref name="rows"/>×<paramref name="cols"/> PEs: the stream plus the
    /// skewed fill and drain (rows + cols − 2), plus the stationary preload (rows) for WS/IS.
    /// </summary>
    public static long FoldCycles(this FoldGeometry g, int rows, int cols) =>
        g.StreamDim + rows + cols - 2 + (g.PreloadsStationary() ? rows : 0);

    /// <summary>
    /// The length of a fold with <paramref name="activeCols"/> active columns. SCALE-Sim pads every fold to the full
    /// array. Default mode: operands enter at the left edge and only need to cross the active columns, but results
    /// leave at the bottom edge (and WS/IS tiles are shifted in from the top), so every fold pays the full height.
    /// </summary>
    public static long FoldCycles(this FoldGeometry g, SimMode mode, int activeCols) =>
        g.FoldCycles(g.ArrayRows, mode == SimMode.ScaleSim ? g.ArrayCols : activeCols);
}
