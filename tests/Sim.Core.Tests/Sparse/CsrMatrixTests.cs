using CsCheck;
using Sim.Core.Sparse;

namespace Sim.Core.Tests.Sparse;

public class CsrMatrixTests
{
    // [[1 0 2], [0 0 0], [0 3 0]]
    private static readonly CsrMatrix s_m = new(3, 3, [0, 2, 2, 3], [0, 2, 1], [1, 2, 3]);

    [Fact]
    public void Row_and_column_counts()
    {
        Assert.Equal([2, 0, 1], s_m.RowCounts());
        Assert.Equal([1, 1, 1], s_m.ColumnCounts());
        Assert.Equal(3, s_m.Nnz);
        Assert.Equal([0, 2], s_m.RowColumns(0).ToArray());
        Assert.Equal([1.0, 2.0], s_m.RowValues(0).ToArray());
    }

    [Fact]
    public void Transpose_is_the_csc_view()
    {
        var t = s_m.Transpose();
        Assert.Equal((3, 3), (t.Rows, t.Cols));
        Assert.Equal([0, 1, 2, 3], t.RowPointers.ToArray());
        Assert.Equal([0, 2, 0], t.ColumnIndices.ToArray());
        Assert.Equal([1.0, 3.0, 2.0], t.Values.ToArray());
        var csc = s_m.ToCsc();
        Assert.Equal([2], csc.ColumnRows(1).ToArray());
        Assert.Equal([3.0], csc.ColumnValues(1).ToArray());
        Assert.Equal(1, csc.ColumnNnz(2));
    }

    [Fact]
    public void Transpose_twice_is_identity_on_random_matrices()
    {
        Gen.Select(Gen.Int[0, 8], Gen.Int[0, 8]).SelectMany((r, c) =>
                Gen.Int[0, 3].Array[r * c].Select(cells => CsrMatrix.FromTriplets(r, c,
                    Enumerable.Range(0, r * c).Where(p => cells[p] > 0).Select(p => (p / c, p % c, (double)cells[p])))))
            .Sample(m =>
            {
                var back = m.Transpose().Transpose();
                return back.SameStructure(m) && back.Values.SequenceEqual(m.Values) && m.Transpose().RowCounts().SequenceEqual(m.ColumnCounts());
            });
    }

    [Theory]
    [InlineData(new[] { 0, 2, 2 }, new[] { 0, 2, 1 }, "rowPointers has 3 entries")]
    [InlineData(new[] { 0, 2, 1, 3 }, new[] { 0, 2, 1 }, "decreases at row 1")]
    [InlineData(new[] { 0, 2, 2, 2 }, new[] { 0, 2, 1 }, "from 0 to nnz")]
    [InlineData(new[] { 0, 2, 2, 3 }, new[] { 2, 0, 1 }, "strictly increasing")]
    [InlineData(new[] { 0, 2, 2, 3 }, new[] { 1, 1, 1 }, "strictly increasing")]
    [InlineData(new[] { 0, 2, 2, 3 }, new[] { 0, 3, 1 }, "column 3 is outside")]
    public void Invalid_arrays_are_rejected(int[] pointers, int[] columns, string expected)
    {
        var e = Assert.Throws<ArgumentException>(() => new CsrMatrix(3, 3, pointers, columns, [1, 2, 3]));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Triplets_are_sorted_and_repeats_rejected()
    {
        var m = CsrMatrix.FromTriplets(2, 2, [(1, 1, 4), (0, 1, 2), (0, 0, 1)]);
        Assert.Equal([0, 2, 3], m.RowPointers.ToArray());
        Assert.Equal([0, 1, 1], m.ColumnIndices.ToArray());
        Assert.Throws<ArgumentException>(() => CsrMatrix.FromTriplets(2, 2, [(0, 1, 1), (0, 1, 2)]));
        Assert.Throws<ArgumentException>(() => CsrMatrix.FromTriplets(2, 2, [(2, 0, 1)]));
    }
}
