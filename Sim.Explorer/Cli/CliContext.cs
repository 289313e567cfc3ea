namespace Sim.Explorer.Cli;

/// <summary>Where a command writes: data to <see cref="Out"/>, logs and progress to <see cref="Error"/>.</summary>
public sealed record CliContext(TextWriter Out, TextWriter Error, bool Interactive);
