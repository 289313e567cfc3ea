using System.CommandLine;
using Sim.Core.Config;

namespace Sim.Explorer.Cli;

/// <summary>
/// The <c>sim</c> command line. Bad input of any kind (flags, files) prints one clear message and exits 2 — System.CommandLine's
/// own parse errors would exit 1, so they are checked before invoking.
/// </summary>
public static class SimCli
{
    public static RootCommand Build(CliContext context)
    {
        var root = new RootCommand("sim: cycle-approximate simulator and design-space explorer for tensor-accelerator tiles")
        {
            OpCommand.Create(context),
            RunCommand.Create(context),
            MapCommand.Create(context),
            ImportCommand.Create(context),
            SweepCommand.Create(context),
            MergeCommand.Create(context),
            PlanCommand.Create(context),
            BenchCommand.Create(context),
            VerifyCommand.Create(context),
            CalibrateCommand.Create(context),
        };
        return root;
    }

    public static int Run(string[] args, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var parse = Build(context).Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
                context.Error.WriteLine($"error: {error.Message}");
            context.Error.WriteLine($"Fix: see 'sim {string.Join(' ', CommandPath(parse))} --help'");
            return ExitCodes.BadInput;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = context.Out, Error = context.Error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null });
        }
        catch (SimInputException e)
        {
            context.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"error: {e.Message} Fix: check that the input exists and that the output directory (-o) is a writable folder, not a file");
            return ExitCodes.BadInput;
        }
        catch (OverflowException)
        {
            context.Error.WriteLine("error: the result does not fit 64-bit cycle or byte counters. Fix: check the sizes, and that the DRAM bandwidth is not vanishingly small");
            return ExitCodes.BadInput;
        }
    }

    private static Stack<string> CommandPath(ParseResult parse)
    {
        var names = new Stack<string>();
        for (var result = parse.CommandResult; result.Parent is System.CommandLine.Parsing.CommandResult parent; result = parent)
            names.Push(result.Command.Name);
        return names;
    }
}
