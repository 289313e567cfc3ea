using Sim.Core.Hardware;
using Sim.Core.Workloads;

namespace Sim.Arch.Systolic;

/// <summary>
/// How a GEMM is cut into folds on an R×C array. Each dataflow pins one operand in the PEs and puts two GEMM
/// dims on the array (SCALE-Sim's Sr/Sc/T):
/// OS: rows ← M, cols ← N, streamed ← K;  WS: rows ← K, cols ← N, streamed ← M;  IS: rows ← K, cols ← M, streamed ← N.
/// Folds run column-fold-major (for each column fold, every row fold), as SCALE-Sim's demand matrices do.
/// </summary>
public readonly record struct FoldGeometry(
    Dataflow Dataflow,
    int ArrayRows,
    int ArrayCols,
    long RowDim,
    long ColDim,
    long StreamDim)
{
    public static FoldGeometry Of(GemmShape gemm, SystolicSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Dataflow switch
        {
            Dataflow.Os => new(spec.Dataflow, spec.Rows, spec.Cols, gemm.M, gemm.N, gemm.K),
            Dataflow.Ws => new(spec.Dataflow, spec.Rows, spec.Cols, gemm.K, gemm.N, gemm.M),
            Dataflow.Is => new(spec.Dataflow, spec.Rows, spec.Cols, gemm.K, gemm.M, gemm.N),
            _ => throw new ArgumentOutOfRangeException(nameof(spec)),
        };
    }

    public long RowFolds => CeilDiv(RowDim, ArrayRows);

    public long ColFolds => CeilDiv(ColDim, ArrayCols);

    public long Folds => RowFolds * ColFolds;

    /// <summary>WS and IS must shift the stationary operand into the array (one row per cycle) before streaming.</summary>
    public bool PreloadsStationary => Dataflow != Dataflow.Os;

    /// <summary>Rows used by row fold <paramref name="rowFold"/> (the last one may be partial).</summary>
    public int ActiveRows(long rowFold) => (int)Math.Min(ArrayRows, RowDim - rowFold * ArrayRows);

    public int ActiveCols(long colFold) => (int)Math.Min(ArrayCols, ColDim - colFold * ArrayCols);

    /// <summary>Rows in the last, possibly partial, row fold.</summary>
    public int LastRows => ActiveRows(RowFolds - 1);

    public int LastCols => ActiveCols(ColFolds - 1);

    /// <summary>
    /// Cycles of one fold whose operands span <paramref name="rows"/>×<paramref name="cols"/> PEs: the stream plus the
    /// skewed fill and drain (rows + cols − 2), plus the stationary preload (rows) for WS/IS.
    /// </summary>
    public long FoldCycles(int rows, int cols) => StreamDim + rows + cols - 2 + (PreloadsStationary ? rows : 0);

    /// <summary>
    /// The length of a fold with <paramref name="activeCols"/> active columns. SCALE-Sim pads every fold to the full
    /// array. Default mode: operands enter at the left edge and only need to cross the active columns, but results
    /// leave at the bottom edge (and WS/IS tiles are shifted in from the top), so every fold pays the full height.
    /// </summary>
    public long FoldCycles(SimMode mode, int activeCols) =>
        FoldCycles(ArrayRows, mode == SimMode.ScaleSim ? ArrayCols : activeCols);

    private static long CeilDiv(long a, long b) => (a + b - 1) / b;
}
