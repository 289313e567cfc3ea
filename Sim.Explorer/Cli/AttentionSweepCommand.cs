using System.Diagnostics;
using System.Globalization;
using Sim.Explorer.Analysis;
using Sim.Explorer.AttentionSweeps;
using Sim.Explorer.Inputs;
using Sim.Explorer.Plots;
using Sim.Explorer.Results;
using Spectre.Console;

namespace Sim.Explorer.Cli;

/// <summary>
/// <c>sim sweep</c> on a spec whose top level is <c>attention:</c>: every point → points.csv, then per shape DRAM
/// traffic and latency against sequence length (log-log, a line per lowering), and the fitted log-log slopes.
/// Points take microseconds each, so every run recomputes all of them (<c>--resume</c> and <c>--jobs</c> change nothing).
/// </summary>
public static class AttentionSweepCommand
{
    public static int Run(CliContext context, InputFile specFile, string? outputDirectory, bool resume, int jobs)
    {
        ArgumentNullException.ThrowIfNull(context);
        var spec = AttentionSweepSpec.Read(specFile);
        var directory = outputDirectory ?? Path.Combine("reports", spec.Name);
        context.Error.WriteLine($"attention sweep '{spec.Name}' from {specFile.DisplayPath}: {spec.PointCount} points → {directory}");
        var clock = Stopwatch.StartNew();
        var rows = AttentionSweepRunner.Run(spec);
        Directory.CreateDirectory(directory);
        ResultsCsv.Write(Path.Combine(directory, "points.csv"), rows);
        var files = new List<string> { "points.csv" };
        foreach (var shape in spec.Shapes)
        {
            var shapeRows = rows.Where(r => r.Shape == shape.Name).ToList();
            var what = $"{shape.Name} ({shape.Phase}, batch {shape.Batch}, {shape.Heads}/{shape.KvHeads} heads, d {shape.HeadDim}{(shape.Causal ? ", causal" : "")})";
            AttentionSeqPlot.Save(shapeRows, directory, $"dram_vs_seq_{shape.Name}", $"DRAM traffic vs sequence length: {what}", "DRAM bytes", r => r.DramBytes);
            AttentionSeqPlot.Save(shapeRows, directory, $"latency_vs_seq_{shape.Name}", $"Latency vs sequence length: {what}", "latency (cycles)", r => r.LatencyCycles);
            files.Add($"dram_vs_seq_{shape.Name}.png/.svg");
            files.Add($"latency_vs_seq_{shape.Name}.png/.svg");
        }

        clock.Stop();
        Terminal.Render(context, SlopeTable(rows));
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{rows.Count} points in {clock.Elapsed.TotalSeconds:0.00} s; {rows.Count(r => r.Status != RowStatus.Ok)} infeasible"));
        context.Out.WriteLine($"wrote {string.Join(", ", files.Select(f => Path.Combine(directory, f)))}");
        return ExitCodes.Ok;
    }

    /// <summary>
    /// Per (shape, lowering, regime): log-log slopes of DRAM bytes and latency over the lengths, and of the first and
    /// last step of DRAM bytes. The fused lowering's regimes (K and V on chip, K and V streamed per row block) are fitted
    /// apart: each is a power law, the jump between them is not.
    /// </summary>
    internal static Table SlopeTable(IReadOnlyList<AttentionPointRow> rows)
    {
        var table = new Table().AddColumn("shape").AddColumn("lowering").AddColumn("regime").AddColumn(new TableColumn("seq").RightAligned())
            .AddColumn(new TableColumn("DRAM slope (fit)").RightAligned()).AddColumn(new TableColumn("DRAM slope first / last step").RightAligned())
            .AddColumn(new TableColumn("latency slope (fit)").RightAligned()).AddColumn(new TableColumn("DRAM bytes at last seq").RightAligned());
        static string F(double x) => double.IsNaN(x) ? "-" : x.ToString("0.00", CultureInfo.InvariantCulture);
        foreach (var group in rows.Where(r => r.Status == RowStatus.Ok).GroupBy(r => (r.Shape, r.Lowering, Regime: Regime(r))))
        {
            var line = group.OrderBy(r => r.SeqKv).ToList();
            var dram = line.Select(r => ((double)r.SeqKv, (double)r.DramBytes)).ToList();
            var latency = line.Select(r => ((double)r.SeqKv, (double)r.LatencyCycles)).ToList();
            var first = dram.Count >= 2 ? LogLogSlope.Fit(dram.Take(2).ToList()) : double.NaN;
            var last = dram.Count >= 2 ? LogLogSlope.Fit(dram.TakeLast(2).ToList()) : double.NaN;
            table.AddRow(Markup.Escape(group.Key.Shape), group.Key.Lowering, group.Key.Regime,
                string.Create(CultureInfo.InvariantCulture, $"{line[0].SeqKv}-{line[^1].SeqKv}"), F(LogLogSlope.Fit(dram)), $"{F(first)} / {F(last)}",
                F(LogLogSlope.Fit(latency)), line[^1].DramBytes.ToString("E3", CultureInfo.InvariantCulture));
        }

        return table;
    }

    private static string Regime(AttentionPointRow r) =>
        r.Lowering != "fused" ? "S in DRAM" : r.KvResident ? "K/V on chip" : "K/V streamed";
}
