using Sim.Core.Hardware;
using Sim.Core.Workloads;

namespace Sim.Arch.Folding;

/// <summary>
/// How a GEMM is cut into folds on a 2D grid of compute units. Two GEMM dims go on the grid (rows, cols), the third
/// is streamed through it; <see cref="Dataflow"/> names which operand stays put (SCALE-Sim's Sr/Sc/T):
/// OS: rows ← M, cols ← N, streamed ← K;  WS: rows ← K, cols ← N, streamed ← M;  IS: rows ← K, cols ← M, streamed ← N.
/// Folds run column-fold-major (for each column fold, every row fold), as SCALE-Sim's demand matrices do.
/// Every tile kind describes its spatial mapping with this record (a 3D cube: an OS grid of M×N whose stream is the
/// K steps; an adder tree: a WS grid of tree width × lanes), so they share one traffic walk.
/// </summary>
public readonly record struct FoldGeometry(
    Dataflow Dataflow,
    int ArrayRows,
    int ArrayCols,
    long RowDim,
    long ColDim,
    long StreamDim)
{
    /// <summary>The systolic mapping: the dataflow puts two GEMM dims on an R×C array.</summary>
    public static FoldGeometry Of(GemmShape gemm, SystolicSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return Of(gemm, spec.Dataflow, spec.Rows, spec.Cols);
    }

    /// <summary>The grid mapping of <paramref name="dataflow"/> on a <paramref name="rows"/>×<paramref name="cols"/> grid.</summary>
    public static FoldGeometry Of(GemmShape gemm, Dataflow dataflow, int rows, int cols) => dataflow switch
    {
        Dataflow.Os => new(dataflow, rows, cols, gemm.M, gemm.N, gemm.K),
        Dataflow.Ws => new(dataflow, rows, cols, gemm.K, gemm.N, gemm.M),
        Dataflow.Is => new(dataflow, rows, cols, gemm.K, gemm.M, gemm.N),
        _ => throw new ArgumentOutOfRangeException(nameof(dataflow)),
    };

    public long RowFolds => CeilDiv(RowDim, ArrayRows);

    public long ColFolds => CeilDiv(ColDim, ArrayCols);

    public long Folds => RowFolds * ColFolds;

    /// <summary>Rows used by row fold <paramref name="rowFold"/> (the last one may be partial).</summary>
    public int ActiveRows(long rowFold) => (int)Math.Min(ArrayRows, RowDim - rowFold * ArrayRows);

    public int ActiveCols(long colFold) => (int)Math.Min(ArrayCols, ColDim - colFold * ArrayCols);

    /// <summary>Rows in the last, possibly partial, row fold.</summary>
    public int LastRows => ActiveRows(RowFolds - 1);

    public int LastCols => ActiveCols(ColFolds - 1);

    /// <summary>Average fraction of the grid a fold maps work onto (SCALE-Sim's mapping efficiency).</summary>
    public double MappingEfficiency => (double)RowDim * ColDim / ((double)RowFolds * ArrayRows * ColFolds * ArrayCols);

    public static long CeilDiv(long a, long b) => (a + b - 1) / b;
}
