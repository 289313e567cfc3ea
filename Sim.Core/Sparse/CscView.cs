namespace Sim.Core.Sparse;

/// <summary>
/// Compressed sparse column view of a <see cref="CsrMatrix"/>: column j's row indices (increasing) and values.
/// Backed by the transpose, built once.
/// </summary>
public sealed class CscView
{
    private readonly CsrMatrix _transpose;

    public CscView(CsrMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        Rows = matrix.Rows;
        Cols = matrix.Cols;
        _transpose = matrix.Transpose();
    }

    public int Rows { get; }

    public int Cols { get; }

    public int ColumnNnz(int col) => _transpose.RowNnz(col);

    public ReadOnlySpan<int> ColumnRows(int col) => _transpose.RowColumns(col);

    public ReadOnlySpan<double> ColumnValues(int col) => _transpose.RowValues(col);
}
