using Sim.Explorer.Cli;

namespace Sim.Explorer.Tests.Cli;

/// <summary>Runs the CLI in-process and captures what it prints.</summary>
public static class CliRunner
{
    private static readonly Dictionary<string, string> s_noEnvironment = [];

    /// <summary>Runs with an empty environment, so a test run inside a Slurm array or Kubernetes Job is not sharded.</summary>
    public static (int ExitCode, string Out, string Error) Run(params string[] args) => RunWith(s_noEnvironment, args);

    /// <summary>Runs with <paramref name="environment"/> as the variables the CLI sees (the process environment is untouched).</summary>
    public static (int ExitCode, string Out, string Error) RunWith(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = SimCli.Run(args, new CliContext(output, error, Interactive: false) { Environment = environment });
        return (code, output.ToString(), error.ToString());
    }
}
