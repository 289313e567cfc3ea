using Sim.Explorer.Inputs;

namespace Sim.Explorer.Cli;

/// <summary>An imported model's warnings on stderr: the first few in full, then how many more (`sim import --report`
/// lists every node).</summary>
public static class ImportWarnings
{
    public const int Shown = 5;

    public static void Print(CliContext context, LoadedWorkload loaded)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(loaded);
        var warnings = loaded.Onnx?.Warnings ?? [];
        foreach (var warning in warnings.Take(Shown))
            context.Error.WriteLine($"warning: {warning}");
        if (warnings.Count > Shown)
            context.Error.WriteLine($"warning: … and {warnings.Count - Shown} more (sim import MODEL --report FILE lists every node)");
    }
}
