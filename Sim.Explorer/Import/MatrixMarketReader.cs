using System.Globalization;
using Sim.Core.Config;
using Sim.Core.Sparse;

namespace Sim.Explorer.Import;

/// <summary>
/// Reads a Matrix Market <c>coordinate</c> file (<c>real | integer | pattern</c>, <c>general | symmetric</c>) into a
/// <see cref="CsrMatrix"/>. Pattern entries get value 1.0; symmetric files are expanded by mirroring off-diagonal
/// entries. Every line starting with '%' after the banner is a comment (including <c>%%GraphBLAS</c>); blank lines
/// are skipped. Explicit zeros are kept as structural entries. A position given twice (directly, or by a symmetric
/// file's mirror) is rejected, naming both lines: summing duplicates would silently change nnz. Lines are parsed
/// as spans (no regex, no per-line split) so a 240k-entry file loads in milliseconds.
/// </summary>
public static class MatrixMarketReader
{
    private const string Banner = "%%MatrixMarket";

    public static CsrMatrix Load(string path)
    {
        if (!File.Exists(path))
            throw new SimInputException($"{path}: file not found. Fix: check the path (relative paths are resolved from the current directory)");
        return Parse(path, File.ReadAllText(path));
    }

    public static CsrMatrix Parse(string file, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = new LineReader(text);
        if (!lines.Next(out var bannerLine) || !bannerLine.StartsWith(Banner, StringComparison.Ordinal))
            throw SimInputException.At(file, 1, 1, "", "missing '%%MatrixMarket' banner", "start the file with '%%MatrixMarket matrix coordinate real general'");
        var (pattern, integer, symmetric) = ReadBanner(file, bannerLine);

        // Size line: first non-comment, non-blank line.
        ReadOnlySpan<char> sizeLine;
        do
        {
            if (!lines.Next(out sizeLine))
                throw SimInputException.At(file, lines.Number, 1, "", "no size line", "add 'ROWS COLS ENTRIES' after the comments");
        }
        while (IsSkippable(sizeLine));
        var sizeNumber = lines.Number;
        var size = new Fields(sizeLine);
        if (!size.Long(out var rows) || !size.Long(out var cols) || !size.Long(out var entries) || !size.End
            || rows < 0 || cols < 0 || entries < 0)
            throw SimInputException.At(file, sizeNumber, 1, "", $"bad size line '{sizeLine.ToString().Trim()}'", "write three non-negative integers: ROWS COLS ENTRIES");
        // Row pointers (rows + 1) and per-column markers (cols) are arrays: both must stay below the runtime's limit.
        if (rows >= Array.MaxLength || cols >= Array.MaxLength)
            throw SimInputException.At(file, sizeNumber, 1, "", $"{rows}×{cols} has a dimension of {Array.MaxLength} or more, more than this reader holds",
                $"use a matrix with fewer than {Array.MaxLength} rows and columns");
        if (symmetric && rows != cols)
            throw SimInputException.At(file, sizeNumber, 1, "", $"a symmetric matrix must be square, this one is {rows}×{cols}", "fix the size line or declare the matrix 'general'");
        var capacity = symmetric ? 2 * entries : entries;
        if (capacity > int.MaxValue)
            throw SimInputException.At(file, sizeNumber, 1, "", $"{entries} entries is more than this reader holds", "use a matrix with fewer than 2^31 entries");

        // The declared count is only a promise: size the arrays by what the text can hold (an entry line has at least
        // 4 characters, "1 1\n") and grow as entries arrive, so a lying size line cannot allocate gigabytes.
        var initial = (int)Math.Min(capacity, (symmetric ? 2L : 1L) * (text.Length / 4 + 1));
        var rowOf = new int[initial];
        var colOf = new int[initial];
        var valueOf = new double[initial];
        var lineOf = new int[initial];
        long read = 0;
        var count = 0;
        while (lines.Next(out var line))
        {
            if (IsSkippable(line))
                continue;
            if (read == entries)
                throw SimInputException.At(file, lines.Number, 1, "", $"more entries than the {entries} the size line (line {sizeNumber}) declares", "fix the entry count on the size line or delete the extra lines");
            var fields = new Fields(line);
            if (!fields.Long(out var i) || !fields.Long(out var j))
                throw SimInputException.At(file, lines.Number, 1, "", $"'{line.ToString().Trim()}' does not start with two integer indices", "write 'ROW COL" + (pattern ? "'" : " VALUE'"));
            double value = 1.0;
            if (integer)
            {
                if (!fields.Long(out var whole))
                    throw SimInputException.At(file, lines.Number, 1, "", $"'{line.ToString().Trim()}' has no integer value (the banner declares 'integer')", "write 'ROW COL VALUE' with an integer, or declare the matrix 'real'");
                value = whole;
            }
            else if (!pattern && !fields.Double(out value))
                throw SimInputException.At(file, lines.Number, 1, "", $"'{line.ToString().Trim()}' has no numeric value", "write 'ROW COL VALUE' with a real number, e.g. 1 2 0.5");
            if (!fields.End)
                throw SimInputException.At(file, lines.Number, 1, "", $"'{line.ToString().Trim()}' has extra fields", pattern ? "a pattern entry is 'ROW COL'" : "an entry is 'ROW COL VALUE'");
            if (i < 1 || i > rows || j < 1 || j > cols)
                throw SimInputException.At(file, lines.Number, 1, "", $"index ({i}, {j}) is outside 1..{rows} × 1..{cols}", "indices are 1-based and must fit the size line");
            if (symmetric && j > i)
                throw SimInputException.At(file, lines.Number, 1, "", $"entry ({i}, {j}) is above the diagonal in a symmetric file", "a symmetric file stores the lower triangle only (row ≥ column)");
            read++;
            Add((int)i - 1, (int)j - 1, value, lines.Number);
            if (symmetric && i != j)
                Add((int)j - 1, (int)i - 1, value, lines.Number);
        }

        if (read < entries)
            throw SimInputException.At(file, lines.Number, 1, "", $"only {read} of the {entries} entries the size line (line {sizeNumber}) declares", "fix the entry count on the size line or add the missing entries");
        return Build(file, (int)rows, (int)cols, rowOf, colOf, valueOf, lineOf, count);


        void Add(int row, int col, double value, int number)
        {
            if (count == rowOf.Length)
            {
                var grown = (int)Math.Min(capacity, Math.Max(16L, 2L * rowOf.Length));
                Array.Resize(ref rowOf, grown);
                Array.Resize(ref colOf, grown);
                Array.Resize(ref valueOf, grown);
                Array.Resize(ref lineOf, grown);
            }

            rowOf[count] = row;
            colOf[count] = col;
            valueOf[count] = value;
            lineOf[count] = number;
            count++;
        }
    }

    private static (bool Pattern, bool Integer, bool Symmetric) ReadBanner(string file, ReadOnlySpan<char> line)
    {
        var words = line.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(w => w.ToLowerInvariant()).ToArray();
        const string Fix = "use '%%MatrixMarket matrix coordinate real|integer|pattern general|symmetric'";
        if (words.Length != 5 || words[0] != "%%matrixmarket" || words[1] != "matrix")
            throw SimInputException.At(file, 1, 1, "", $"unknown banner '{line.ToString().Trim()}'", Fix);
        if (words[2] == "array")
            throw SimInputException.At(file, 1, 1, "", "dense 'array' format is unsupported", "convert the matrix to 'coordinate' format");
        if (words[2] != "coordinate")
            throw SimInputException.At(file, 1, 1, "", $"unknown format '{words[2]}'", Fix);
        var pattern = words[3] switch
        {
            "real" or "integer" => false,
            "pattern" => true,
            "complex" => throw SimInputException.At(file, 1, 1, "", "field 'complex' is unsupported", "use a real, integer or pattern matrix"),
            _ => throw SimInputException.At(file, 1, 1, "", $"unknown field '{words[3]}'", Fix),
        };
        var symmetric = words[4] switch
        {
            "general" => false,
            "symmetric" => true,
            "hermitian" or "skew-symmetric" => throw SimInputException.At(file, 1, 1, "", $"symmetry '{words[4]}' is unsupported", "use a general or symmetric matrix"),
            _ => throw SimInputException.At(file, 1, 1, "", $"unknown symmetry '{words[4]}'", Fix),
        };
        return (pattern, words[3] == "integer", symmetric);
    }

    private static bool IsSkippable(ReadOnlySpan<char> line)
    {
        var trimmed = line.TrimStart();
        return trimmed.IsEmpty || trimmed[0] == '%';
    }

    /// <summary>Sorts the entries into CSR order (counting sort by row, then by column within a row) and rejects repeats.</summary>
    private static CsrMatrix Build(string file, int rows, int cols, int[] rowOf, int[] colOf, double[] valueOf, int[] lineOf, int count)
    {
        var pointers = new int[rows + 1];
        for (var e = 0; e < count; e++)
            pointers[rowOf[e] + 1]++;
        for (var r = 0; r < rows; r++)
            pointers[r + 1] += pointers[r];
        var next = pointers[..^1];
        var order = new int[count];
        for (var e = 0; e < count; e++)
            order[next[rowOf[e]]++] = e;

        var columns = new int[count];
        for (var p = 0; p < count; p++)
            columns[p] = colOf[order[p]];
        for (var r = 0; r < rows; r++)
        {
            var start = pointers[r];
            var length = pointers[r + 1] - start;
            Array.Sort(columns, order, start, length);
            for (var p = start + 1; p < start + length; p++)
            {
                if (columns[p] == columns[p - 1])
                {
                    var (first, second) = (Math.Min(lineOf[order[p - 1]], lineOf[order[p]]), Math.Max(lineOf[order[p - 1]], lineOf[order[p]]));
                    var mirrored = first == second ? " (a symmetric entry and its mirror)" : "";
                    throw SimInputException.At(file, second, 1, "", $"entry ({r + 1}, {columns[p] + 1}) repeats the one on line {first}{mirrored}",
                        "list each position once (duplicates are rejected, not summed)");
                }
            }
        }

        var values = new double[count];
        for (var p = 0; p < count; p++)
            values[p] = valueOf[order[p]];
        return new CsrMatrix(rows, cols, pointers, columns, values);
    }

    /// <summary>Walks the text line by line without allocating; <see cref="Number"/> is the 1-based line just returned.</summary>
    private ref struct LineReader(string text)
    {
        private readonly ReadOnlySpan<char> _text = text;
        private int _position;

        public int Number { get; private set; }

        public bool Next(out ReadOnlySpan<char> line)
        {
            if (_position >= _text.Length)
            {
                line = default;
                return false;
            }

            var rest = _text[_position..];
            var end = rest.IndexOf('\n');
            line = end < 0 ? rest : rest[..end];
            if (line.EndsWith('\r'))
                line = line[..^1];
            _position += end < 0 ? rest.Length : end + 1;
            Number++;
            return true;
        }
    }

    /// <summary>Whitespace-separated fields of one line, parsed in place.</summary>
    private ref struct Fields(ReadOnlySpan<char> line)
    {
        private ReadOnlySpan<char> _rest = line;

        public bool End => _rest.Trim().IsEmpty;

        public bool Long(out long value) =>
            long.TryParse(Take(), NumberStyles.Integer, CultureInfo.InvariantCulture, out value);

        public bool Double(out double value) =>
            double.TryParse(Take(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

        private ReadOnlySpan<char> Take()
        {
            _rest = _rest.TrimStart();
            var end = _rest.IndexOfAny(' ', '\t');
            var field = end < 0 ? _rest : _rest[..end];
            _rest = end < 0 ? [] : _rest[end..];
            return field;
        }
    }
}
