using Sim.Core.Config;
using Sim.Explorer.Inputs;

namespace Sim.Explorer.Cli;

/// <summary>
/// Sweep specs that are not DNN-on-tile sweeps: their top level names an experiment (<c>attention:</c>,
/// <c>spgemm:</c>, <c>neupims:</c>) and that experiment's runner takes over <c>sim sweep</c>. One line per experiment kind.
/// </summary>
public static class ExperimentSweeps
{
    /// <summary>Runs one experiment spec; returns the process exit code.</summary>
    public delegate int Runner(CliContext context, InputFile spec, string? outputDirectory, bool resume, int jobs);

    private static readonly (string Key, Runner Run)[] s_kinds =
    [
        ("attention", AttentionSweepCommand.Run),
        ("spgemm", SpGemmSweepCommand.Run),
        ("neupims", NeuPimsSweepCommand.Run),
    ];

    /// <summary>The top-level keys that name an experiment.</summary>
    public static IEnumerable<string> Keys => s_kinds.Select(k => k.Key);

    /// <summary>The runner for <paramref name="spec"/>, or null when it is an ordinary DNN sweep.</summary>
    public static Runner? For(InputFile spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var root = YamlMap.Parse(spec.DisplayPath, spec.Text);
        foreach (var (key, run) in s_kinds)
        {
            if (root.Has(key))
                return run;
        }

        return null;
    }
}
