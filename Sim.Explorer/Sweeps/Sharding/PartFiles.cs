using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Sim.Explorer.Sweeps.Sharding;

/// <summary>
/// A shard's files under DIR/parts/, which only that shard writes (so N shards can share a filesystem):
/// <c>shard-i-of-N.jsonl</c> (its journal), <c>shard-i-of-N.spec.yaml</c> (the spec text it ran) and
/// <c>shard-i-of-N.json</c> (where that spec came from, so <c>sim merge</c> can resolve its workload paths).
/// </summary>
public static partial class PartFiles
{
    public const string Folder = "parts";

    private static readonly JsonSerializerOptions s_indented = new() { WriteIndented = true };

    public static string Directory(string outputDirectory) => Path.Combine(outputDirectory, Folder);

    public static string Journal(string outputDirectory, Shard shard) => Path.Combine(Directory(outputDirectory), Stem(shard) + ".jsonl");

    public static string SpecText(string outputDirectory, Shard shard) => Path.Combine(Directory(outputDirectory), Stem(shard) + ".spec.yaml");

    public static string Info(string outputDirectory, Shard shard) => Path.Combine(Directory(outputDirectory), Stem(shard) + ".json");

    public static string Stem(Shard shard)
    {
        ArgumentNullException.ThrowIfNull(shard);
        return string.Create(CultureInfo.InvariantCulture, $"shard-{shard.Index}-of-{shard.Count}");
    }

    /// <summary>The shard a part file name stands for (any of its three files), or null for other files.</summary>
    public static Shard? ShardOf(string fileName)
    {
        var match = PartName().Match(fileName);
        if (!match.Success)
            return null;
        var index = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var count = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        return count >= 1 && index < count ? new Shard(index, count) : null;
    }

    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>Where the spec came from, as the sweep read it.</summary>
    public sealed record SpecOrigin(string DisplayPath, string FullPath, bool Embedded, string Sha256);

    /// <summary>Writes the spec text and its origin next to the shard's journal (each via a temporary file and a rename).</summary>
    public static void WriteSpec(string outputDirectory, Shard shard, SweepSpec spec, Inputs.InputFile specFile)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(specFile);
        System.IO.Directory.CreateDirectory(Directory(outputDirectory));
        var origin = new SpecOrigin(specFile.DisplayPath, specFile.IsEmbedded ? specFile.DisplayPath : Path.GetFullPath(specFile.DisplayPath),
            specFile.IsEmbedded, Sha256(spec.SourceText));
        Replace(SpecText(outputDirectory, shard), spec.SourceText);
        Replace(Info(outputDirectory, shard), JsonSerializer.Serialize(origin, s_indented) + "\n");
    }

    public static SpecOrigin? ReadOrigin(string infoPath)
    {
        if (!File.Exists(infoPath))
            return null;
        try
        {
            return JsonSerializer.Deserialize<SpecOrigin>(File.ReadAllText(infoPath));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static void Replace(string path, string text)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, text, new UTF8Encoding(false));
        File.Move(temporary, path, overwrite: true);
    }

    [GeneratedRegex(@"^shard-(\d{1,9})-of-(\d{1,9})\.(?:jsonl|spec\.yaml|json)$", RegexOptions.CultureInvariant)]
    private static partial Regex PartName();
}
