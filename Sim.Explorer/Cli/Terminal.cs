using Spectre.Console;
using Spectre.Console.Rendering;

namespace Sim.Explorer.Cli;

/// <summary>Spectre.Console output bound to the command's writer (not the process console), so tests can capture it.</summary>
public static class Terminal
{
    public static void Render(CliContext context, IRenderable renderable)
    {
        ArgumentNullException.ThrowIfNull(context);
        Console(context.Out, context.Interactive).Write(renderable);
    }

    public static IAnsiConsole Console(TextWriter writer, bool interactive)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!interactive)
            console.Profile.Width = 200; // redirected output (files, CI logs): don't wrap tables at 80 columns
        return console;
    }
}
