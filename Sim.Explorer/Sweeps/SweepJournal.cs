using System.Text;
using System.Text.Json;
using Sim.Explorer.Results;

namespace Sim.Explorer.Sweeps;

/// <summary>
/// Append-only record of finished points: one JSON line each (the point row and its layer rows). Each line goes to the
/// file in one write call — the whole line and its newline — on an unbuffered append stream, and is handed to the OS
/// before the next point is journaled, so a killed process loses only points still being simulated.
/// A torn last line is still tolerated: a write can be cut short by a full disk, a node crash before the page cache
/// reaches the disk (lines are not fsynced, to keep thousands of tiny points fast), or a shared filesystem that
/// splits a large write; such a line does not parse and is skipped, so that point simply runs again.
/// </summary>
public sealed class SweepJournal : IDisposable
{
    private static readonly UTF8Encoding s_utf8 = new(false);
    private readonly FileStream _stream;
    private readonly Lock _lock = new();

    private SweepJournal(string path)
    {
        // bufferSize 0: no FileStream buffer, so one Write below is one write(2) of the full line.
        _stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 0);
    }

    /// <summary>Starts a fresh journal, discarding any earlier one.</summary>
    public static SweepJournal Create(string path)
    {
        File.Delete(path);
        return new SweepJournal(path);
    }

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
        return new SweepJournal(path);
    }

    public sealed record Entry(PointRow Point, List<LayerRow> Layers);

    public static Dictionary<string, Entry> ReadFinished(string path)
    {
        var finished = new Dictionary<string, Entry>(StringComparer.Ordinal);
        foreach (var (_, entry) in ReadLines(path))
            finished[entry.Point.PointId] = entry;
        return finished;
    }

    /// <summary>Every whole entry with its line's text, in file order (torn lines skipped).</summary>
    public static IEnumerable<(string Line, Entry Entry)> ReadLines(string path)
    {
        if (!File.Exists(path))
            yield break;
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
                yield return (line, entry);
        }
    }

    public void Append(Entry entry)
    {
        var bytes = s_utf8.GetBytes(JsonSerializer.Serialize(entry) + "\n");
        lock (_lock)
        {
            _stream.Write(bytes);
            _stream.Flush(flushToDisk: false);
        }
    }

    public void Dispose() => _stream.Dispose();
}
