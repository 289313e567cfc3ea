using System.Text.Json;
using Sim.Explorer.Results;

namespace Sim.Explorer.Sweeps;

/// <summary>
/// Append-only record of finished points (one JSON line each: the point row and its layer rows), flushed after every
/// point, so a crashed or killed sweep loses nothing that finished. A torn last line is ignored on read.
/// </summary>
public sealed class SweepJournal : IDisposable
{
    private readonly StreamWriter _writer;
    private readonly Lock _lock = new();

    private SweepJournal(string path, bool append)
    {
        _writer = new StreamWriter(path, append, new System.Text.UTF8Encoding(false));
    }

    /// <summary>Starts a fresh journal, discarding any earlier one.</summary>
    public static SweepJournal Create(string path) => new(path, append: false);

    /// <summary>
    /// Reopens a journal for appending after reading what it holds. The file is first rewritten with only its whole
    /// entries, so a torn last line cannot swallow the next entry appended after it.
    /// </summary>
    public static SweepJournal Resume(string path, out Dictionary<string, Entry> finished)
    {
        finished = ReadFinished(path);
        var temporary = path + ".tmp";
        File.WriteAllLines(temporary, finished.Values.Select(e => JsonSerializer.Serialize(e)));
        File.Move(temporary, path, overwrite: true);
        return new SweepJournal(path, append: true);
    }

    public sealed record Entry(PointRow Point, List<LayerRow> Layers);

    public static Dictionary<string, Entry> ReadFinished(string path)
    {
        var finished = new Dictionary<string, Entry>(StringComparer.Ordinal);
        if (!File.Exists(path))
            return finished;
        foreach (var line in File.ReadLines(path))
        {
            Entry? entry;
            try
            {
                entry = JsonSerializer.Deserialize<Entry>(line);
            }
            catch (JsonException)
            {
                continue; // torn write from a killed run: that point simply runs again
            }

            if (entry?.Point is { PointId.Length: > 0 })
                finished[entry.Point.PointId] = entry;
        }

        return finished;
    }

    public void Append(Entry entry)
    {
        var line = JsonSerializer.Serialize(entry);
        lock (_lock)
        {
            _writer.WriteLine(line);
            _writer.Flush();
        }
    }

    public void Dispose() => _writer.Dispose();
}
