using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Sim.Explorer.Sweeps.Sharding;

/// <summary>
/// What <c>sim plan</c> needs to write a cluster job: the sweep, how to split it, the sim to run, and scheduler
/// resources (null: not requested). Paths are as the job's nodes or pods will see them.
/// </summary>
public sealed record ClusterPlan(
    string SweepName,
    string SpecPath,
    string OutputDirectory,
    string SimPath,
    int Shards,
    int Parallel,
    int JobsPerShard)
{
    public string? Partition { get; init; }

    public string? Time { get; init; }

    public string? Memory { get; init; }

    public string? Image { get; init; }

    public string VolumeClaim { get; init; } = "sim-data";

    public string MountPath { get; init; } = "/data";

    /// <summary>A Kubernetes object name (RFC 1123 label) made from the sweep name: lowercase letters, digits and '-'.</summary>
    public string JobName
    {
        get
        {
            var text = new StringBuilder("sim-");
            foreach (var c in SweepName.ToLowerInvariant())
                text.Append(c is >= 'a' and <= 'z' or >= '0' and <= '9' ? c : '-');
            var name = text.ToString().Trim('-');
            return name.Length > 56 ? name[..56].TrimEnd('-') : name; // room for "-merge" within 63
        }
    }

    /// <summary>A word for a bash script, single-quoted unless plainly safe.</summary>
    public static string ShellQuote(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length > 0 && text.All(c => char.IsAsciiLetterOrDigit(c) || "/._-+:=,@%".Contains(c, StringComparison.Ordinal))
            ? text
            : "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }

    /// <summary>A YAML double-quoted scalar (JSON string syntax is valid YAML).</summary>
    public static string YamlQuote(string text) => JsonSerializer.Serialize(text);

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
