namespace Sim.Explorer.Cli;

/// <summary>Where a command writes: data to <see cref="Out"/>, logs and progress to <see cref="Error"/>.</summary>
public sealed record CliContext(TextWriter Out, TextWriter Error, bool Interactive)
{
    /// <summary>The environment variables commands may read (shard detection); null: the process environment. Tests pass their own.</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }
}
