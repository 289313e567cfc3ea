namespace Sim.Explorer.Import;

/// <summary>One <c>key = value</c> line of an INI file; <see cref="Key"/> is lower-cased as configparser does.</summary>
internal sealed record IniEntry(string Section, string Key, string Value, long Line, long ValueColumn);
