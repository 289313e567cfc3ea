using System.Diagnostics;
using System.Globalization;
using Sim.Explorer.Inputs;
using Sim.Explorer.Plots;
using Sim.Explorer.Results;
using Sim.Explorer.SpGemmSweeps;
using Spectre.Console;

namespace Sim.Explorer.Cli;

/// <summary>
/// <c>sim sweep SPEC</c> for an <c>spgemm:</c> spec: every matrix × dataflow (× row-wise merge) on the spec's sparse
/// tile, into points.csv and three plots. Matrices run in spec order, one at a time (the whole sweep takes seconds),
/// so the output is byte-identical run to run; <c>--resume</c> is accepted and simply recomputes. The evaluation
/// itself is <see cref="SpGemmSweepRunner"/>; this class only reads the spec, writes files and prints.
/// </summary>
public static class SpGemmSweepCommand
{
    public const string PointsFile = "points.csv";

    public static int Run(CliContext context, InputFile specFile, string? outputDirectory, bool resume, int jobs)
    {
        ArgumentNullException.ThrowIfNull(context);
        var spec = SpGemmSweepSpec.Read(specFile);
        var directory = outputDirectory ?? Path.Combine("reports", spec.Name);
        var variants = spec.Variants.ToList();
        context.Error.WriteLine($"spgemm sweep '{spec.Name}' from {specFile.DisplayPath}: {spec.Matrices.Count} matrices × {variants.Count} dataflows on {spec.Tile} → {directory}"
            + (resume ? " (--resume: recomputed, the sweep takes seconds)" : ""));
        var clock = Stopwatch.StartNew();
        var rows = SpGemmSweepRunner.Run(spec);
        Directory.CreateDirectory(directory);
        ResultsCsv.Write(Path.Combine(directory, PointsFile), rows);
        var plots = SpGemmPlots.Save(rows, directory, spec.Name);
        clock.Stop();

        Terminal.Render(context, Summary(rows, variants.Select(v => SpGemmRow.LabelOf(v.Dataflow, v.Merge)).ToList()));
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{rows.Count} points in {clock.Elapsed.TotalSeconds:0.00} s; {rows.Count(r => r.Status != Analysis.RowStatus.Ok)} infeasible"));
        context.Out.WriteLine($"wrote {Path.Combine(directory, PointsFile)}, {string.Join(", ", plots.Select(p => p + ".png/.svg"))}");
        return ExitCodes.Ok;
    }

    /// <summary>Cycles per matrix (rows) and variant (columns), the fastest marked.</summary>
    private static Table Summary(List<SpGemmRow> rows, List<string> labels)
    {
        var table = new Table().AddColumn("matrix").AddColumn(new TableColumn("F/nnz(C)").RightAligned());
        foreach (var label in labels)
            table.AddColumn(new TableColumn(label + " cycles").RightAligned());
        foreach (var group in rows.GroupBy(r => r.Matrix))
        {
            var best = group.Where(r => r.Status == Analysis.RowStatus.Ok).MinBy(r => r.Cycles);
            var cells = new List<string> { Markup.Escape(group.Key), group.First().CompressionFactor.ToString("F2", CultureInfo.InvariantCulture) };
            foreach (var label in labels)
            {
                var row = group.First(r => r.Label == label);
                var text = row.Status == Analysis.RowStatus.Ok ? row.Cycles.ToString(CultureInfo.InvariantCulture) : "infeasible";
                cells.Add(row == best ? $"[bold]{text}[/]" : text);
            }

            table.AddRow(cells.ToArray());
        }

        return table;
    }
}
