using System.CommandLine;
using System.Globalization;
using Sim.Core.Config;
using Sim.Explorer.Import.Onnx.Lowering;
using Sim.Explorer.Inputs;
using Sim.Explorer.Results;
using Spectre.Console;

namespace Sim.Explorer.Cli;

/// <summary>
/// <c>sim import MODEL.onnx -o workload.yaml</c>: an ONNX model (or a Timeloop problem) as workload YAML, with a per-node
/// report of what each node became, the MACs by op kind, and a warning per opaque node.
/// </summary>
public static class ImportCommand
{
    public static Command Create(CliContext context)
    {
        var modelArg = new Argument<string>("model") { Description = "An ONNX model (.onnx) or a Timeloop problem (.yaml)" };
        var output = new Option<string?>("--output", "-o") { Description = "Workload YAML to write (default: MODEL.workload.yaml next to the model)" };
        var report = new Option<string?>("--report") { Description = "Also write the per-node import report as CSV" };
        var options = WorkloadImportFlags.Create();
        var command = new Command("import", "Convert an ONNX model or a Timeloop problem to workload YAML")
        {
            modelArg, output, report, options.InputShapes, options.Name, options.NoFuseAttention, options.NoFuseLayerNorm, options.AttentionLowering,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(modelArg)!;
            var loaded = WorkloadSources.Load(path, options.Read(parse));
            var target = parse.GetValue(output) ?? Path.ChangeExtension(path, ".workload.yaml");
            if (Path.GetFullPath(target) == Path.GetFullPath(path))
                throw new SimInputException($"-o {target}: would overwrite the model. Fix: choose another output file");
            var directory = Path.GetDirectoryName(Path.GetFullPath(target));
            if (directory is not null)
                Directory.CreateDirectory(directory);
            File.WriteAllText(target, WorkloadYamlWriter.Write(loaded.Workload, loaded.Header));
            if (loaded.Onnx is { } onnx)
            {
                Terminal.Render(context, Summary(onnx));
                foreach (var warning in onnx.Warnings)
                    context.Error.WriteLine($"warning: {warning}");
                if (parse.GetValue(report) is { } reportPath)
                {
                    ResultsCsv.Write(reportPath, onnx.Nodes.Select(ImportedNodeRow.From).ToList());
                    context.Out.WriteLine($"wrote {reportPath}");
                }

                context.Out.WriteLine($"{onnx.Summary}; {loaded.Workload.Ops.Count} ops, {loaded.Workload.TotalMacs.ToString("N0", CultureInfo.InvariantCulture)} MACs");
            }
            else
                context.Out.WriteLine($"{loaded.Workload.Ops.Count} op(s), {loaded.Workload.TotalMacs.ToString("N0", CultureInfo.InvariantCulture)} MACs");

            context.Out.WriteLine($"wrote {target}");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>One row per ONNX op type: node count, how they were lowered, MACs.</summary>
    private static Table Summary(OnnxImport onnx)
    {
        var table = new Table { Title = new TableTitle(Markup.Escape($"{Path.GetFileName(onnx.File)} (opset {onnx.Opset}, inputs {string.Join(", ", onnx.InputShapes.Select(s => $"{s.Key}={string.Join("x", s.Value)}"))})")) };
        table.AddColumns("op type", "nodes", "became", "MACs");
        foreach (var group in onnx.Nodes.GroupBy(n => n.OpType).OrderByDescending(g => g.Sum(n => n.Macs)).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            var became = string.Join(", ", group.GroupBy(n => n.LoweredAs).Select(g => g.Count() == group.Count() ? g.Key : $"{g.Count()} {g.Key}"));
            table.AddRow(Markup.Escape(group.Key), group.Count().ToString(CultureInfo.InvariantCulture), Markup.Escape(became),
                group.Sum(n => n.Macs).ToString("N0", CultureInfo.InvariantCulture));
        }

        return table;
    }
}
