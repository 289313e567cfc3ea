using Sim.Explorer.Cli;

namespace Sim.Explorer.Tests.Cli;

/// <summary>Runs the CLI in-process and captures what it prints.</summary>
public static class CliRunner
{
    public static (int ExitCode, string Out, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = SimCli.Run(args, new CliContext(output, error, Interactive: false));
        return (code, output.ToString(), error.ToString());
    }
}
