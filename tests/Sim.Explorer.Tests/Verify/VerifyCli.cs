using System.CommandLine;
using Sim.Arch.Native;
using Sim.Core.Config;
using Sim.Explorer.Cli;
using Sim.Explorer.Tests.Import;
using Sim.Explorer.Verify;

namespace Sim.Explorer.Tests.Verify;

/// <summary>
/// Runs <c>sim verify</c> in-process against a test's own target source (bad input → 2, as SimCli maps it), with the
/// shipped matrices unless the arguments name a --matrices folder.
/// </summary>
internal static class VerifyCli
{
    public static string Matrices => Path.Combine(RepoPaths.Workloads, "matrices");

    public static VerifyTargetSource Source(params NativeTargetProbe[] probes) =>
        new([.. probes.Select(p => p.Name)], name => probes.FirstOrDefault(p => p.Name == name));

    public static (int ExitCode, string Out, string Error) Run(VerifyTargetSource source, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error, Interactive: false);
        var root = new RootCommand { VerifyCommand.Create(context, source) };
        int code;
        try
        {
            code = root.Parse(args.Contains("--matrices") ? ["verify", .. args] : ["verify", "--matrices", Matrices, .. args]).Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (SimInputException e)
        {
            error.WriteLine($"error: {e.Message}");
            code = ExitCodes.BadInput;
        }

        return (code, output.ToString(), error.ToString());
    }
}
