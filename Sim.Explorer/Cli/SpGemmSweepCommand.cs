using System.Diagnostics;
using System.Globalization;
using Sim.Arch.Sparse;
using Sim.Core.Sparse;
using Sim.Explorer.Import;
using Sim.Explorer.Inputs;
using Sim.Explorer.Plots;
using Sim.Explorer.Results;
using Sim.Explorer.Sweeps;
using Spectre.Console;

namespace Sim.Explorer.Cli;

/// <summary>
/// <c>sim sweep SPEC</c> for an <c>spgemm:</c> spec: every matrix × dataflow (× row-wise merge) on the spec's sparse
/// tile, into points.csv and three plots. Matrices run in spec order, one at a time (the whole sweep takes seconds),
/// so the output is byte-identical run to run; <c>--resume</c> is accepted and simply recomputes.
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
        var rows = Evaluate(spec);
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

    /// <summary>One row per matrix × variant, in spec order.</summary>
    public static List<SpGemmRow> Evaluate(SpGemmSweepSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var rows = new List<SpGemmRow>();
        foreach (var file in spec.Matrices)
        {
            var name = Path.GetFileNameWithoutExtension(file.DisplayPath);
            var a = MatrixMarketReader.Parse(file.DisplayPath, file.Text);
            if (a.Rows != a.Cols)
                throw new Core.Config.SimInputException($"{file.DisplayPath}: C = A·A needs a square matrix, this one is {a.Rows}×{a.Cols}. Fix: list square matrices in spgemm.matrices");
            var gemm = new SpGemm(name, a, name, a, name);
            var structure = SpGemmStructure.Of(gemm);
            foreach (var (dataflow, merge) in spec.Variants)
            {
                var result = SpGemmModel.Evaluate(gemm, structure, spec.Tile, dataflow, merge ?? SpGemmMerge.Hash);
                rows.Add(SpGemmRow.From(name, name, name, result, spec.Tile));
            }
        }

        return rows;
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
