using Sim.Core.Config;

namespace Sim.Explorer.Import;

/// <summary>
/// A small INI reader with Python configparser's default semantics, which SCALE-Sim configs are written for:
/// <c>[section]</c> headers (case-sensitive), <c>key = value</c> or <c>key: value</c> split at the first delimiter,
/// keys case-insensitive, values trimmed, whole-line <c>#</c>/<c>;</c> comments (a <c>;</c> after a value is part
/// of it, as in configparser). Like configparser's strict mode, duplicate sections and keys are errors; multi-line
/// (indented continuation) values are refused rather than joined, since no SCALE-Sim key takes one.
/// </summary>
internal sealed class IniDocument
{
    private IniDocument(IReadOnlyList<(string Name, long Line)> sections, IReadOnlyList<IniEntry> entries)
    {
        Sections = sections;
        Entries = entries;
    }

    public IReadOnlyList<(string Name, long Line)> Sections { get; }

    public IReadOnlyList<IniEntry> Entries { get; }

    public IniEntry? Find(string section, string key) =>
        Entries.FirstOrDefault(e => e.Section == section && e.Key.Equals(key, StringComparison.OrdinalIgnoreCase));

    public static IniDocument Parse(string file, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sections = new List<(string Name, long Line)>();
        var entries = new List<IniEntry>();
        var lines = text.TrimStart('\uFEFF').Split('\n');
        var afterKey = false; // configparser reads an indented line after a key as part of that key's value
        for (var i = 0; i < lines.Length; i++)
        {
            var (raw, line) = (lines[i].TrimEnd('\r'), i + 1L);
            var trimmed = raw.Trim();
            if (trimmed.Length == 0 || trimmed[0] is '#' or ';')
                continue;
            if (afterKey && char.IsWhiteSpace(raw[0]))
                throw SimInputException.At(file, line, 1, "", "indented line (configparser would append it to the previous value)",
                    "put each 'key = value' on one line, starting in the first column");
            if (trimmed[0] == '[')
            {
                var name = trimmed.EndsWith(']') ? trimmed[1..^1] : throw SimInputException.At(file, line, 1, "",
                    $"section header '{trimmed}' has no closing ']'", "write it as [section_name]");
                if (sections.FindIndex(s => s.Name == name) is var seen and >= 0)
                    throw SimInputException.At(file, line, 1, name, $"section already defined on line {sections[seen].Line}", "merge the two sections");
                sections.Add((name, line));
                afterKey = false;
                continue;
            }

            var delimiter = raw.IndexOfAny(['=', ':']);
            if (delimiter < 0)
                throw SimInputException.At(file, line, 1, "", $"'{trimmed}' is neither a [section], a 'key = value' line nor a comment",
                    "write 'key = value' (or 'key: value'); comments start with # or ;");
            if (sections.Count == 0)
                throw SimInputException.At(file, line, 1, "", "key before the first [section] header", "put the key under a section such as [architecture_presets]");
            var key = raw[..delimiter].Trim().ToLowerInvariant();
            if (key.Length == 0)
                throw SimInputException.At(file, line, 1, "", $"'{trimmed}' has no key before its delimiter", "write 'key = value'");
            var value = raw[(delimiter + 1)..];
            var valueColumn = delimiter + 2L + (value.Length - value.TrimStart().Length);
            var section = sections[^1].Name;
            if (entries.Find(e => e.Section == section && e.Key == key) is { } previous)
                throw SimInputException.At(file, line, 1, $"{section}.{key}", $"key already set on line {previous.Line}", "keep one of the two lines");
            entries.Add(new IniEntry(section, key, value.Trim(), line, valueColumn));
            afterKey = true;
        }

        return new IniDocument(sections, entries);
    }
}
