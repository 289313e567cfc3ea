using CsvHelper;

namespace Sim.Explorer.Results;

/// <summary>
/// Writes and reads result tables with CsvHelper (RFC 4180, invariant culture, shortest round-trip doubles).
/// Writes go to a temporary file that is then renamed, so a reader never sees a half-written table.
/// </summary>
public static class ResultsCsv
{
    public static void Write<T>(string path, IEnumerable<T> rows)
    {
        var temporary = path + ".tmp";
        using (var text = new StreamWriter(temporary, append: false, new System.Text.UTF8Encoding(false)))
        using (var writer = CsvWriter.Create(text, null, leaveOpen: true))
        {
            writer.WriteRecords(rows);
        }

        File.Move(temporary, path, overwrite: true);
    }

    public static List<T> Read<T>(string path)
    {
        using var reader = CsvReader.FromFile(path, null);
        return reader.GetRecords<T>().ToList();
    }
}
