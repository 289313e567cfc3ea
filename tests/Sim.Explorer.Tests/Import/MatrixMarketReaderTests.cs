using Sim.Core.Config;
using Sim.Explorer.Import;

namespace Sim.Explorer.Tests.Import;

public class MatrixMarketReaderTests
{
    [Fact]
    public void Real_general_with_comments_and_blank_lines()
    {
        var m = MatrixMarketReader.Parse("m.mtx", """
            %%MatrixMarket matrix coordinate real general
            % a comment
            %%GraphBLAS type float

            2 3 3
            2 3 -1.5e0
            1 1 2

            1 3 0
            """);
        Assert.Equal((2, 3, 3), (m.Rows, m.Cols, m.Nnz));
        Assert.Equal([0, 2, 3], m.RowPointers.ToArray());
        Assert.Equal([0, 2, 2], m.ColumnIndices.ToArray());
        Assert.Equal([2.0, 0.0, -1.5], m.Values.ToArray()); // the explicit zero (1,3) is kept
    }

    [Fact]
    public void Integer_and_pattern_fields()
    {
        var integer = MatrixMarketReader.Parse("i.mtx", "%%MatrixMarket matrix coordinate integer general\n2 2 1\n2 1 7\n");
        Assert.Equal([7.0], integer.Values.ToArray());
        var pattern = MatrixMarketReader.Parse("p.mtx", "%%MatrixMarket matrix coordinate pattern general\r\n2 2 2\r\n1 2\r\n2 1\r\n");
        Assert.Equal([1.0, 1.0], pattern.Values.ToArray());
        Assert.Equal([1, 0], pattern.ColumnIndices.ToArray());
    }

    [Fact]
    public void Symmetric_files_mirror_off_diagonal_entries()
    {
        var m = MatrixMarketReader.Parse("s.mtx", """
            %%MatrixMarket matrix coordinate real symmetric
            3 3 3
            1 1 4
            3 1 2
            3 2 5
            """);
        Assert.Equal(5, m.Nnz); // 1 diagonal + 2 mirrored pairs
        Assert.Equal([0, 2, 3, 5], m.RowPointers.ToArray());
        Assert.Equal([0, 2, 2, 0, 1], m.ColumnIndices.ToArray());
        Assert.Equal([4.0, 2.0, 5.0, 2.0, 5.0], m.Values.ToArray());
        var pattern = MatrixMarketReader.Parse("ps.mtx", "%%MatrixMarket matrix coordinate pattern symmetric\n2 2 2\n1 1\n2 1\n");
        Assert.Equal(3, pattern.Nnz);
    }

    [Theory]
    [InlineData("2 2 1\n1 1 1\n", "x.mtx:1:1: missing '%%MatrixMarket' banner")]
    [InlineData("%%MatrixMarket tensor coordinate real general\n", "x.mtx:1:1: unknown banner")]
    [InlineData("%%MatrixMarket matrix array real general\n2 2\n1\n2\n3\n4\n", "x.mtx:1:1: dense 'array' format is unsupported")]
    [InlineData("%%MatrixMarket matrix coordinate complex general\n", "x.mtx:1:1: field 'complex' is unsupported")]
    [InlineData("%%MatrixMarket matrix coordinate real hermitian\n", "x.mtx:1:1: symmetry 'hermitian' is unsupported")]
    [InlineData("%%MatrixMarket matrix coordinate real skew-symmetric\n", "x.mtx:1:1: symmetry 'skew-symmetric' is unsupported")]
    [InlineData("%%MatrixMarket matrix coordinate real general\n% c\n2 x 1\n1 1 1\n", "x.mtx:3:1: bad size line '2 x 1'")]
    [InlineData("%%MatrixMarket matrix coordinate real general\n2 2\n", "x.mtx:2:1: bad size line")]
    [InlineData("%%MatrixMarket matrix coordinate real general\n% only comments\n", "x.mtx:2:1: no size line")]
    [InlineData("%%MatrixMarket matrix coordinate real symmetric\n2 3 1\n1 1 1\n", "x.mtx:2:1: a symmetric matrix must be square")]
    [InlineData("%%MatrixMarket matrix coordinate real general\n2 2 2\n1 1 1\n3 1 1\n", "x.mtx:4:1: index (3, 1) is outside 1..2 × 1..2")]
    [InlineData("%%MatrixMarket matrix coordinate real general\n2 2 2\n1 1 1\n0 1 1\n", "x.mtx:4:1: index (0, 1) is outside")]
    [InlineData("%%MatrixMarket matrix coordinate real general\n2 2 3\n1 1 1\n2 2 1\n", "x.mtx:4:1: only 2 of the 3 entries the size line (line 2) declares")]
    [InlineData("%%MatrixMarket matrix coordinate real general\n2 2 1\n1 1 1\n2 2 1\n", "x.mtx:4:1: more entries than the 1 the size line (line 2) declares")]
    [InlineData("%%MatrixMarket matrix coordinate real general\n2 2 1\n1 1 abc\n", "x.mtx:3:1: '1 1 abc' has no numeric value")]
    [InlineData("%%MatrixMarket matrix coordinate integer general\n2 2 1\n1 1 0.5\n", "x.mtx:3:1: '1 1 0.5' has no integer value (the banner declares 'integer')")]
    [InlineData("%%MatrixMarket matrix coordinate real general\n2 2 1000000000\n1 1 1\n", "x.mtx:3:1: only 1 of the 1000000000 entries the size line (line 2) declares")]
    [InlineData("%%MatrixMarket matrix coordinate real symmetric\n2 2 1000000000\n1 1 1\n", "x.mtx:3:1: only 1 of the 1000000000 entries")]
    [InlineData("%%MatrixMarket matrix coordinate real general\n2147483647 2 1\n1 1 1\n", "x.mtx:2:1: 2147483647×2 has a dimension of 2147483591 or more")]
    [InlineData("%%MatrixMarket matrix coordinate real general\n2 2147483591 1\n1 1 1\n", "x.mtx:2:1: 2×2147483591 has a dimension")]
    [InlineData("%%MatrixMarket matrix coordinate real general\n2 2 1\n1 1\n", "x.mtx:3:1: '1 1' has no numeric value")]
    [InlineData("%%MatrixMarket matrix coordinate real general\n2 2 1\n1.5 1 2\n", "x.mtx:3:1: '1.5 1 2' does not start with two integer indices")]
    [InlineData("%%MatrixMarket matrix coordinate pattern general\n2 2 1\n1 1 3\n", "x.mtx:3:1: '1 1 3' has extra fields")]
    [InlineData("%%MatrixMarket matrix coordinate real general\n2 2 3\n1 1 1\n2 1 1\n1 1 5\n", "x.mtx:5:1: entry (1, 1) repeats the one on line 3")]
    [InlineData("%%MatrixMarket matrix coordinate real symmetric\n2 2 2\n1 2 1\n", "x.mtx:3:1: entry (1, 2) is above the diagonal")]
    [InlineData("%%MatrixMarket matrix coordinate real symmetric\n2 2 2\n2 1 1\n2 1 1\n", "x.mtx:4:1: entry (1, 2) repeats the one on line 3")]
    public void Errors_name_the_file_and_line(string text, string expected)
    {
        var e = Assert.Throws<SimInputException>(() => MatrixMarketReader.Parse("x.mtx", text));
        Assert.StartsWith(expected, e.Message, StringComparison.Ordinal);
        Assert.Contains("Fix: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Shipped_files_load_with_their_documented_sizes()
    {
        // SOURCES.md: add32 keeps its 4036 explicit zeros as structural entries; dnn has a %%GraphBLAS line.
        var add32 = MatrixMarketReader.Load(Path.Combine(RepoPaths.Workloads, "matrices", "add32.mtx"));
        Assert.Equal((4960, 4960, 23884), (add32.Rows, add32.Cols, add32.Nnz));
        Assert.Equal(4036, add32.Values.ToArray().Count(v => v == 0));
        var dnn = MatrixMarketReader.Load(Path.Combine(RepoPaths.Workloads, "matrices", "dnn_n1024-l1.mtx"));
        Assert.Equal((1024, 32768), (dnn.Rows, dnn.Nnz));
        Assert.Throws<SimInputException>(() => MatrixMarketReader.Load(Path.Combine(RepoPaths.Workloads, "matrices", "missing.mtx")));
    }
}
