using System.Globalization;
using CsvHelper;
using Sim.Core.Config;
using Sim.Core.Workloads;

namespace Sim.Explorer.Import;

/// <summary>
/// Reads a SCALE-Sim v2 topology CSV (conv form <c>Layer name, IFMAP Height, …, Strides,</c> or GEMM form
/// <c>Layer,M,N,K,</c>) as a <see cref="Workload"/> whose layers form a chain, as SCALE-Sim runs them.
/// Unlike SCALE-Sim, which splits each line and drops its last field (so a row without the trailing comma
/// silently loses its stride or K), every row must carry exactly the header's columns, with or without the
/// trailing comma. IFMAP sizes are taken as padded sizes (SCALE-Sim has no padding column), so padding is 0.
/// </summary>
public static class TopologyCsvImporter
{
    private static readonly CsvReaderOptions Options = new()
    {
        HasHeader = false, // the header is read as a record so that its fields and line are checked like any row
        Separator = ',',
        TrimWhitespace = true,
        SkipEmptyLines = true,
        TrackLineNumbers = true,
    };

    public static Workload Load(string path)
    {
        if (!File.Exists(path))
            throw new SimInputException($"{path}: file not found. Fix: check the path (relative paths are resolved from the current directory)");
        return Parse(path, File.ReadAllText(path));
    }

    public static Workload Parse(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n');
        using var reader = CsvReader.FromText(text, Options);
        if (!reader.Read())
            throw SimInputException.At(path, 1, 1, "", "the file is empty", $"start it with a SCALE-Sim header: '{TopologyHeader.ConvText}' or '{TopologyHeader.GemmText}'");
        var (headerFields, headerLine) = (Fields(reader), reader.LineNumber);
        var header = TopologyHeader.Detect(headerFields) ?? throw SimInputException.At(path, headerLine, 1, "",
            $"unrecognized header '{string.Join(",", headerFields)}'",
            $"use one of SCALE-Sim's two headers: '{TopologyHeader.ConvText}' (conv form, optionally with a 9th 'Stride Width' column) or '{TopologyHeader.GemmText}' (GEMM form)");

        var ops = new List<Op>();
        var lineOf = new Dictionary<string, long>(StringComparer.Ordinal);
        while (reader.Read())
        {
            var fields = Fields(reader);
            if (fields.All(f => f.Length == 0))
                continue; // a blank row, or one of only commas as spreadsheets export: no data to lose
            var line = reader.LineNumber;
            var lineText = line <= lines.Length ? lines[line - 1].TrimEnd('\r') : ""; // only for error columns
            var row = new TopologyRow(path, line, lineText, fields, header);
            var inputs = ops.Count == 0 ? Array.Empty<string>() : [ops[^1].Name];
            Op op = header.IsGemm ? ReadGemm(row, inputs) : ReadConv(row, inputs);
            if (!lineOf.TryAdd(op.Name, line))
                throw row.Error(0, $"layer name '{op.Name}' is already used on line {lineOf[op.Name]}", "give every layer a unique name");
            ops.Add(op);
        }

        if (ops.Count == 0)
            throw SimInputException.At(path, headerLine, 1, "", "the file has a header but no layer rows", "add one row per layer below the header");
        try
        {
            return new Workload(Path.GetFileNameWithoutExtension(path), ops);
        }
        catch (ArgumentException e)
        {
            throw new SimInputException($"{path}: {e.Message}. Fix: correct the layer rows", e);
        }
    }

    /// <summary>The current record's fields without the one trailing empty field a trailing comma makes.</summary>
    private static List<string> Fields(CsvReader reader)
    {
        var count = reader.FieldCount;
        if (count > 1 && reader.GetString(count - 1).Length == 0)
            count--;
        return [.. Enumerable.Range(0, count).Select(reader.GetString)];
    }

    private static Gemm ReadGemm(TopologyRow row, string[] inputs) =>
        new(row.Name(), row.Positive(1), row.Positive(2), row.Positive(3), inputs);

    private static Conv2d ReadConv(TopologyRow row, string[] inputs)
    {
        var name = row.Name();
        if (name.Contains("DP", StringComparison.Ordinal))
            throw row.Error(0, $"layer '{name}' is depthwise ('DP' in its name), which SCALE-Sim expands into one conv per channel; Sim does not support that expansion yet",
                $"write it as one row per channel with Channels = 1 and Num Filter = 1 (e.g. {name.Replace("DP", "dw", StringComparison.Ordinal)}_ch0, _ch1, …), or rename the layer if it is not depthwise");

        var (ifmapH, ifmapW, filterH, filterW) = (row.Positive(1), row.Positive(2), row.Positive(3), row.Positive(4));
        var (channels, filters, stride) = (row.Positive(5), row.Positive(6), row.Positive(7));
        if (row.Header.HasWidthStride && row.Positive(8) != stride)
            throw row.Error(8, $"width stride {row.Positive(8)} differs from height stride {stride}; Sim's Conv2d has one stride for both dimensions",
                "use equal strides (or drop the 'Stride Width' column)");
        if (filterH > ifmapH || filterW > ifmapW)
            throw row.Error(3, $"the {filterH}x{filterW} filter is larger than the {ifmapH}x{ifmapW} IFMAP",
                "check IFMAP Height/Width and Filter Height/Width (SCALE-Sim IFMAP sizes include any padding)");
        return new Conv2d(name, ifmapH, ifmapW, filterH, filterW, channels, filters, stride, Padding: 0, Batch: 1, inputs);
    }

    /// <summary>One data row with its location, for parsing fields and reporting errors at them.</summary>
    private readonly record struct TopologyRow(string File, long Line, string Text, List<string> Fields, TopologyHeader Header)
    {
        public string Name()
        {
            CheckColumnCount();
            return Fields[0].Length > 0 ? Fields[0] : throw Error(0, "the layer name is empty", "write a name in the first column");
        }

        public long Positive(int index)
        {
            var text = Fields[index];
            return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
                ? value
                : throw Error(index, $"'{text}' is not a positive integer", $"write a whole number ≥ 1 in the '{Header.Columns[index]}' column");
        }

        public SimInputException Error(int index, string problem, string fix) =>
            SimInputException.At(File, Line, FieldColumn(index), Header.Columns[index], problem, fix);

        /// <summary>SCALE-Sim would drop or misread a column here; Sim refuses the row instead.</summary>
        private void CheckColumnCount()
        {
            if (Fields.Count == Header.Columns.Count)
                return;
            var problem = Fields.Count < Header.Columns.Count ? "too few" : "too many";
            throw SimInputException.At(File, Line, 1, "", $"{problem} columns: {Fields.Count} values, but the header has {Header.Columns.Count} ({string.Join(", ", Header.Columns)})",
                $"write exactly one value for each of {string.Join(", ", Header.Columns)}; a trailing comma is optional");
        }

        /// <summary>1-based character column where field <paramref name="index"/> starts (quotes respected).</summary>
        private long FieldColumn(int index)
        {
            var (field, quoted, i) = (0, false, 0);
            for (; i < Text.Length && field < index; i++)
            {
                if (Text[i] == '"')
                    quoted = !quoted;
                else if (Text[i] == ',' && !quoted)
                    field++;
            }

            while (i < Text.Length && char.IsWhiteSpace(Text[i]))
                i++;
            return i + 1;
        }
    }
}
