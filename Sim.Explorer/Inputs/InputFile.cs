namespace Sim.Explorer.Inputs;

/// <summary>
/// The text of an input file and where it came from: the file system, or a copy of the repo's workloads/ embedded in
/// the tool (so <c>sim sweep</c> runs its default sweep from any directory). <see cref="DisplayPath"/> is what
/// error messages name.
/// </summary>
public sealed record InputFile(string DisplayPath, string Text, bool IsEmbedded)
{
    private const string EmbeddedPrefix = "embedded:";

    /// <summary>Directory that relative references inside this file are resolved against.</summary>
    public string Directory => IsEmbedded
        ? EmbeddedPrefix + ParentKey(DisplayPath[EmbeddedPrefix.Length..])
        : Path.GetDirectoryName(Path.GetFullPath(DisplayPath)) ?? ".";

    public string Extension => Path.GetExtension(DisplayPath).ToLowerInvariant();

    /// <summary>Reads <paramref name="path"/> (relative to <paramref name="relativeTo"/> when given) from disk or the embedded copy.</summary>
    public static InputFile Read(string path, string? relativeTo = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (relativeTo is not null && relativeTo.StartsWith(EmbeddedPrefix, StringComparison.Ordinal))
            return ReadEmbedded(Normalize(relativeTo[EmbeddedPrefix.Length..] + "/" + path), path);

        var full = relativeTo is null || Path.IsPathRooted(path) ? path : Path.Combine(relativeTo, path);
        if (File.Exists(full))
            return new InputFile(full, File.ReadAllText(full), false);
        throw new Core.Config.SimInputException($"{full}: file not found. Fix: check the path (relative paths in a file are resolved from that file's directory)");
    }

    /// <summary>The embedded copy of a repo file, e.g. <c>workloads/sweeps/default.yaml</c>.</summary>
    public static InputFile ReadEmbedded(string key, string? requested = null)
    {
        using var stream = typeof(InputFile).Assembly.GetManifestResourceStream(key)
            ?? throw new Core.Config.SimInputException($"{requested ?? key}: not found among the embedded workloads. Fix: pass a path to a file on disk");
        using var reader = new StreamReader(stream);
        return new InputFile(EmbeddedPrefix + key, reader.ReadToEnd(), true);
    }

    private static string ParentKey(string key) => key.Contains('/', StringComparison.Ordinal) ? key[..key.LastIndexOf('/')] : "";

    /// <summary>Resolves "." and ".." in a '/'-separated resource key.</summary>
    private static string Normalize(string key)
    {
        var parts = new List<string>();
        foreach (var part in key.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == "..") { if (parts.Count > 0) parts.RemoveAt(parts.Count - 1); }
            else if (part != ".") parts.Add(part);
        }

        return string.Join('/', parts);
    }
}
