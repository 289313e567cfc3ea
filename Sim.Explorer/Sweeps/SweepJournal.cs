using System.Buffers;
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
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;
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
    /// Reopens a journal for appending after reading what it holds. A journal with a torn line (or a last line without
    /// its newline) is first rewritten with only its whole lines, so the torn text cannot swallow the next entry appended
    /// after it; an intact journal is appended to as it is (rewriting hundreds of MB would cost more than the resume).
    /// </summary>
    public static SweepJournal Resume(string path, out Dictionary<string, Entry> finished)
    {
        finished = [];
        bool torn = false;
        if (File.Exists(path))
        {
            foreach (var line in File.ReadLines(path))
            {
                if (Parse(line) is { } entry)
                    finished[entry.Point.PointId] = entry;
                else
                    torn = true;
            }

            torn |= !EndsWithNewline(path);
        }

        if (torn)
        {
            var temporary = path + ".tmp";
            File.WriteAllLines(temporary, File.ReadLines(path).Where(line => Parse(line) is not null));
            File.Move(temporary, path, overwrite: true);
        }

        return new SweepJournal(path);
    }

    private static bool EndsWithNewline(string path)
    {
        using var stream = File.OpenRead(path);
        if (stream.Length == 0)
            return true;
        stream.Seek(-1, SeekOrigin.End);
        return stream.ReadByte() == '\n';
    }

    /// <summary>The entry a line holds, or null for a torn or foreign line.</summary>
    private static Entry? Parse(string line)
    {
        Entry? entry;
        try
        {
            entry = JsonSerializer.Deserialize(line, JournalJson.Default.Entry);
        }
        catch (JsonException)
        {
            return null; // torn write from a killed run: that point simply runs again
        }

        return entry?.Point is { PointId.Length: > 0 } ? entry : null;
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
            if (Parse(line) is { } entry)
                yield return (line, entry);
        }
    }

    /// <summary>
    /// Serialises straight to UTF-8 in a per-thread buffer (a ResNet-50 entry is ~36 KB: a string plus its bytes per point
    /// would double the allocation and land the string on the large-object heap), then writes the line under the lock.
    /// </summary>
    public void Append(Entry entry)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(64 * 1024);
        buffer.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(buffer))
            JsonSerializer.Serialize(json, entry, JournalJson.Default.Entry);
        buffer.GetSpan(1)[0] = (byte)'\n';
        buffer.Advance(1);
        lock (_lock)
        {
            _stream.Write(buffer.WrittenSpan);
            _stream.Flush(flushToDisk: false);
        }
    }

    public void Dispose() => _stream.Dispose();
}
