namespace Sim.Core.Sparse;

/// <summary>
/// An immutable sparse matrix in compressed sparse row form: row i's entries are
/// <c>ColumnIndices[RowPointers[i]..RowPointers[i+1]]</c>, strictly increasing, with their <see cref="Values"/>.
/// Every stored entry is structural, explicit zeros included (SpGEMM counts work on structure, not values).
/// </summary>
public sealed class CsrMatrix
{
    private readonly int[] _rowPointers;
    private readonly int[] _columnIndices;
    private readonly double[] _values;

    /// <summary>Validates and takes ownership of the arrays (callers must not change them afterwards).</summary>
    /// <exception cref="ArgumentException">The arrays do not describe a valid CSR matrix.</exception>
    public CsrMatrix(int rows, int cols, int[] rowPointers, int[] columnIndices, double[] values)
    {
        ArgumentNullException.ThrowIfNull(rowPointers);
        ArgumentNullException.ThrowIfNull(columnIndices);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(cols);
        if (rowPointers.Length != rows + 1)
            throw new ArgumentException($"rowPointers has {rowPointers.Length} entries, expected rows + 1 = {rows + 1}", nameof(rowPointers));
        if (columnIndices.Length != values.Length)
            throw new ArgumentException($"{columnIndices.Length} column indices but {values.Length} values", nameof(values));
        if (rowPointers[0] != 0 || rowPointers[rows] != columnIndices.Length)
            throw new ArgumentException($"rowPointers must run from 0 to nnz = {columnIndices.Length}", nameof(rowPointers));
        for (var i = 0; i < rows; i++)
        {
            if (rowPointers[i + 1] < rowPointers[i])
                throw new ArgumentException($"rowPointers decreases at row {i}", nameof(rowPointers));
            for (var p = rowPointers[i]; p < rowPointers[i + 1]; p++)
            {
                var j = columnIndices[p];
                if (j < 0 || j >= cols)
                    throw new ArgumentException($"row {i}: column {j} is outside 0..{cols - 1}", nameof(columnIndices));
                if (p > rowPointers[i] && j <= columnIndices[p - 1])
                    throw new ArgumentException($"row {i}: column indices must be strictly increasing ({columnIndices[p - 1]} then {j})", nameof(columnIndices));
            }
        }

        Rows = rows;
        Cols = cols;
        _rowPointers = rowPointers;
        _columnIndices = columnIndices;
        _values = values;
    }

    public int Rows { get; }

    public int Cols { get; }

    public int Nnz => _columnIndices.Length;

    public ReadOnlySpan<int> RowPointers => _rowPointers;

    public ReadOnlySpan<int> ColumnIndices => _columnIndices;

    public ReadOnlySpan<double> Values => _values;

    public int RowNnz(int row) => _rowPointers[row + 1] - _rowPointers[row];

    public ReadOnlySpan<int> RowColumns(int row) => _columnIndices.AsSpan(_rowPointers[row], RowNnz(row));

    public ReadOnlySpan<double> RowValues(int row) => _values.AsSpan(_rowPointers[row], RowNnz(row));

    /// <summary>nnz of every column (the a_k of an A operand).</summary>
    public int[] ColumnCounts()
    {
        var counts = new int[Cols];
        foreach (var j in _columnIndices)
            counts[j]++;
        return counts;
    }

    /// <summary>nnz of every row (the r_i of an A operand, the b_k of a B operand).</summary>
    public int[] RowCounts()
    {
        var counts = new int[Rows];
        for (var i = 0; i < Rows; i++)
            counts[i] = RowNnz(i);
        return counts;
    }

    /// <summary>
    /// Aᵀ in CSR, which is A in CSC: row j of the result lists column j of A (row indices increasing).
    /// A counting sort, O(nnz + rows + cols).
    /// </summary>
    public CsrMatrix Transpose()
    {
        var pointers = new int[Cols + 1];
        foreach (var j in _columnIndices)
            pointers[j + 1]++;
        for (var j = 0; j < Cols; j++)
            pointers[j + 1] += pointers[j];
        var next = pointers[..^1];
        var indices = new int[Nnz];
        var values = new double[Nnz];
        for (var i = 0; i < Rows; i++)
        {
            for (var p = _rowPointers[i]; p < _rowPointers[i + 1]; p++)
            {
                var slot = next[_columnIndices[p]]++;
                indices[slot] = i;
                values[slot] = _values[p];
            }
        }

        return new CsrMatrix(Cols, Rows, pointers, indices, values);
    }

    /// <summary>The same matrix in compressed sparse column form (a view through the transpose).</summary>
    public CscView ToCsc() => new(this);

    /// <summary>Same shape and structure (row pointers and column indices); values are not compared.</summary>
    public bool SameStructure(CsrMatrix other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Rows == other.Rows && Cols == other.Cols
            && RowPointers.SequenceEqual(other.RowPointers) && ColumnIndices.SequenceEqual(other.ColumnIndices);
    }

    /// <summary>A matrix with the same structure and every value replaced by its magnitude (error bounds for sums).</summary>
    public CsrMatrix Abs() => new(Rows, Cols, _rowPointers, _columnIndices, _values.Select(Math.Abs).ToArray());

    /// <summary>Builds a CSR matrix from (row, col, value) triplets that name each position at most once.</summary>
    /// <exception cref="ArgumentException">A triplet is out of range or repeats a position.</exception>
    public static CsrMatrix FromTriplets(int rows, int cols, IEnumerable<(int Row, int Col, double Value)> triplets)
    {
        ArgumentNullException.ThrowIfNull(triplets);
        var sorted = triplets.OrderBy(t => t.Row).ThenBy(t => t.Col).ToList();
        var pointers = new int[rows + 1];
        foreach (var t in sorted)
        {
            if (t.Row < 0 || t.Row >= rows)
                throw new ArgumentException($"row {t.Row} is outside 0..{rows - 1}", nameof(triplets));
            pointers[t.Row + 1]++;
        }

        for (var i = 0; i < rows; i++)
            pointers[i + 1] += pointers[i];
        return new CsrMatrix(rows, cols, pointers, sorted.Select(t => t.Col).ToArray(), sorted.Select(t => t.Value).ToArray());
    }
}
