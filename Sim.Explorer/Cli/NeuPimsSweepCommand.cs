using System.Diagnostics;
using System.Globalization;
using Sim.Explorer.Analysis;
using Sim.Explorer.Inputs;
using Sim.Explorer.NpuPimSweeps;
using Sim.Explorer.Plots;
using Sim.Explorer.Results;
using Spectre.Console;

namespace Sim.Explorer.Cli;

/// <summary>
/// <c>sim sweep</c> on a spec whose top level is <c>neupims:</c>: every (model, KV, batch, mode) → points.csv and the
/// steady-state layer timelines → timeline.csv; per (model, KV) throughput-vs-batch and energy-per-token-vs-batch plots
/// and a timeline chart of the modes at the largest feasible batch; the speedup table on stdout. Points take milliseconds, so every run recomputes
/// all of them (<c>--resume</c> and <c>--jobs</c> change nothing).
/// </summary>
public static class NeuPimsSweepCommand
{
    public static int Run(CliContext context, InputFile specFile, string? outputDirectory, bool resume, int jobs)
    {
        ArgumentNullException.ThrowIfNull(context);
        var spec = NeuPimsSweepSpec.Read(specFile);
        var directory = outputDirectory ?? Path.Combine("reports", spec.Name);
        context.Error.WriteLine($"neupims sweep '{spec.Name}' from {specFile.DisplayPath}: {spec.PointCount} points → {directory}");
        var clock = Stopwatch.StartNew();
        var (points, timeline) = NeuPimsSweepRunner.Run(spec);
        Directory.CreateDirectory(directory);
        ResultsCsv.Write(Path.Combine(directory, "points.csv"), points);
        ResultsCsv.Write(Path.Combine(directory, "timeline.csv"), timeline);
        var files = new List<string> { "points.csv", "timeline.csv" };
        foreach (var model in spec.Models)
        {
            foreach (var kv in spec.KvSettings)
            {
                var rows = points.Where(r => r.Model == model.Name && r.Kv == kv.Label).ToList();
                var what = kv.UniformTokens is null ? "ShareGPT-like KV lengths" : $"KV {kv.Label} tokens";
                var stem = $"{model.Name}_kv{kv.Label}";
                NeuPimsThroughputPlot.Save(rows, directory, $"throughput_{stem}", $"{model.Name} (TP {model.TensorParallel}) decode on NPU+PIM: {what}");
                NeuPimsThroughputPlot.Save(rows, directory, $"energy_{stem}", $"{model.Name} (TP {model.TensorParallel}) energy per token: {what}",
                    NeuPimsThroughputPlot.EnergyLabel, r => r.EnergyPerTokenUj);
                var largest = rows.Where(r => r.Status == RowStatus.Ok).Select(r => r.Batch).DefaultIfEmpty(0).Max();
                var ids = rows.Where(r => r.Batch == largest).Select(r => r.PointId).ToList();
                NeuPimsTimelinePlot.Save(timeline, ids, directory, $"timeline_{stem}",
                    string.Create(CultureInfo.InvariantCulture, $"{model.Name}: one decoder layer, batch {largest}, {what}"));
                files.Add($"throughput_{stem}.png/.svg");
                files.Add($"energy_{stem}.png/.svg");
                files.Add($"timeline_{stem}.png/.svg");
            }
        }

        clock.Stop();
        Terminal.Render(context, SpeedupTable(points));
        foreach (var line in GeomeanLines(points))
            context.Out.WriteLine(line);
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{points.Count} points in {clock.Elapsed.TotalSeconds:0.00} s; {points.Count(r => r.Status != RowStatus.Ok)} over the device's capacity"));
        context.Out.WriteLine($"wrote {string.Join(", ", files.Select(f => Path.Combine(directory, f)))}");
        return ExitCodes.Ok;
    }

    /// <summary>
    /// Per KV setting at the sweep's largest batch, when more than one model ran: the geometric means over the models of
    /// NeuPIMs' two speedups and of NPU-only's energy per token over NeuPIMs' — the paper's headline numbers are such
    /// averages over GPT-3 7B…175B. Points over the device's capacity are timed anyway; when some are, the line says how
    /// many and gives the means over the points that fit as well.
    /// </summary>
    internal static IEnumerable<string> GeomeanLines(IReadOnlyList<NeuPimsPointRow> rows)
    {
        var neupims = rows.Where(r => r.Mode == "neupims" && r.SpeedupVsNpuOnly > 0 && r.SpeedupVsBlocked > 0).ToList();
        var largest = neupims.Select(r => r.Batch).DefaultIfEmpty(0).Max();
        foreach (var group in neupims.Where(r => r.Batch == largest).GroupBy(r => r.Kv).Where(g => g.Count() > 1))
        {
            var all = group.ToList();
            var fit = all.Where(r => r.Status == RowStatus.Ok).ToList();
            var line = $"geomean over {all.Count} models, kv {group.Key}, batch {largest}: {Means(all)}";
            if (fit.Count < all.Count)
                line += fit.Count == 0 ? "; none fits the device" : $"; the {fit.Count} that fit the device: {Means(fit)}";
            yield return line;
        }
    }

    private static string Means(List<NeuPimsPointRow> rows)
    {
        double Geomean(Func<NeuPimsPointRow, double> ratio) => Math.Exp(rows.Average(r => Math.Log(ratio(r))));
        var energy = rows.All(r => r.EnergySavingVsNpuOnly > 0) ? $", energy per token npu-only / neupims {Geomean(r => r.EnergySavingVsNpuOnly):0.00}" : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"neupims / npu-only {Geomean(r => r.SpeedupVsNpuOnly):0.00}, neupims / blocked {Geomean(r => r.SpeedupVsBlocked):0.00}{energy}");
    }

    /// <summary>Per (model, KV, batch): tokens/s of each mode and NeuPIMs' speedups over NPU-only and blocked.</summary>
    internal static Table SpeedupTable(IReadOnlyList<NeuPimsPointRow> rows)
    {
        var modes = rows.Select(r => r.Mode).Distinct().ToList();
        var table = new Table().AddColumn("model").AddColumn("kv").AddColumn(new TableColumn("batch").RightAligned());
        foreach (var mode in modes)
            table.AddColumn(new TableColumn($"{mode} tok/s").RightAligned());
        table.AddColumn(new TableColumn("neupims / npu-only").RightAligned()).AddColumn(new TableColumn("neupims / blocked").RightAligned()).AddColumn("note");
        static string F(double x) => x.ToString("0.00", CultureInfo.InvariantCulture);
        foreach (var group in rows.GroupBy(r => (r.Model, r.Kv, r.Batch)))
        {
            var cells = new List<string> { group.Key.Model, group.Key.Kv, group.Key.Batch.ToString(CultureInfo.InvariantCulture) };
            cells.AddRange(modes.Select(m => group.FirstOrDefault(r => r.Mode == m) is { } r ? r.TokensPerSecond.ToString("0", CultureInfo.InvariantCulture) : "-"));
            var neupims = group.FirstOrDefault(r => r.Mode == "neupims");
            cells.Add(neupims is { SpeedupVsNpuOnly: > 0 } ? F(neupims.SpeedupVsNpuOnly) : "-");
            cells.Add(neupims is { SpeedupVsBlocked: > 0 } ? F(neupims.SpeedupVsBlocked) : "-");
            var note = group.Any(r => r.Status != RowStatus.Ok) ? "over capacity" : neupims is { SubBatched: false } ? "not sub-batched" : "";
            cells.Add(note);
            table.AddRow(cells.Select(Markup.Escape).ToArray());
        }

        return table;
    }
}
