using System.Globalization;
using CsvHelper;
using Parquet.Serialization;
using Sim.Explorer.Results;
using Sim.Explorer.Sweeps;

namespace Sim.Explorer.Tests.Sweeps;

public class ParquetTablesTests(SmallSweep sweep) : IClassFixture<SmallSweep>
{
    [Theory]
    [InlineData("points")]
    [InlineData("layers")]
    [InlineData("breakdown")]
    public async Task Parquet_read_back_equals_the_csv_cell_by_cell(string table)
    {
        using var dir = new TempDirectory();
        SweepTables.WriteParquet(dir.Path, sweep.Outcome.Points, sweep.Outcome.Layers);

        var csv = File.ReadAllLines(sweep.File(table + ".csv"));
        var header = csv[0].Split(',');
        await using var file = File.OpenRead(dir.File(table + ".parquet"));
        var parquet = await ParquetSerializer.DeserializeUntypedAsync(file);
        Assert.Equal(header, parquet.Schema.DataFields.Select(f => f.Name));

        var csvRows = ReadCells(sweep.File(table + ".csv"));
        Assert.Equal(csvRows.Count, parquet.Data.Count);
        Assert.True(csvRows.Count > 20, $"{table}: only {csvRows.Count} rows");
        for (int r = 0; r < csvRows.Count; r++)
        {
            for (int c = 0; c < header.Length; c++)
                Assert.Equal(csvRows[r][c], Cell(parquet.Data[r][header[c]]));
        }
    }

    [Fact]
    public void The_schema_follows_the_row_class_csv_columns()
    {
        Assert.Equal(File.ReadAllLines(sweep.File("points.csv"))[0], string.Join(',', ParquetTables.Columns<PointRow>().Select(c => c.Name)));
        Assert.Equal(File.ReadAllLines(sweep.File("layers.csv"))[0], string.Join(',', ParquetTables.Columns<LayerRow>().Select(c => c.Name)));
        Assert.Equal(File.ReadAllLines(sweep.File("breakdown.csv"))[0], string.Join(',', ParquetTables.Columns<BreakdownRow>().Select(c => c.Name)));
    }

    [Fact]
    public void Sweep_tables_write_parquet_only_when_asked()
    {
        using var dir = new TempDirectory();
        var spec = SmallSweep.Load(dir);
        var plan = SweepPlan.Expand(spec);
        var finished = plan.ToDictionary(p => p.Id, p =>
        {
            var (row, layers) = PointEvaluator.Evaluate(p.Id, p.Workload, p.Arch, p.Mode);
            return new SweepJournal.Entry(row, [.. layers]);
        }, StringComparer.Ordinal);

        var plain = Path.Combine(dir.Path, "plain");
        var withParquet = Path.Combine(dir.Path, "parquet");
        Directory.CreateDirectory(plain);
        Directory.CreateDirectory(withParquet);
        SweepTables.Write(plain, spec, plan, finished);
        SweepTables.Write(withParquet, spec, plan, finished, new SweepOutputOptions(Parquet: true));

        Assert.Empty(Directory.GetFiles(plain, "*.parquet"));
        Assert.Equal(["breakdown.parquet", "layers.parquet", "points.parquet"],
            Directory.GetFiles(withParquet, "*.parquet").Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    /// <summary>The CSV's cells as text, split by CsvHelper (quoted fields such as reasons may hold commas).</summary>
    private static List<string[]> ReadCells(string path)
    {
        var header = File.ReadLines(path).First().Split(',');
        using var reader = CsvReader.FromFile(path, null);
        var rows = new List<string[]>();
        while (reader.Read())
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetString(i))]);
        if (rows.Count > 0 && rows[0].SequenceEqual(header)) // whether Read() yields the header line
            rows.RemoveAt(0);
        return rows;
    }

    /// <summary>A Parquet value written as CsvHelper writes it: invariant, shortest round-trip doubles, bools as True/False.</summary>
    private static string Cell(object? value) => value switch
    {
        null => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "True" : "False",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
