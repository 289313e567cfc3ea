using System.Diagnostics;
using System.Globalization;
using Sim.Explorer.Analysis;
using Sim.Explorer.Reports;
using Sim.Explorer.Results;
using Sim.Explorer.Sweeps;
using Spectre.Console;

namespace Sim.Explorer.Cli;

/// <summary>
/// <c>sim sweep</c> on a spec with <c>search:</c>: runs <see cref="SearchRunner"/>, draws the plots from its points.csv
/// and prints what the search found (and, with a reference grid, what it saved).
/// </summary>
public static class SearchSweep
{
    public static int Run(CliContext context, SweepSpec spec, string specPath, string directory, int jobs, bool resume, bool parquet = false)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(spec);
        var search = spec.Search ?? throw new ArgumentException($"sweep '{spec.Name}' has no search", nameof(spec));
        context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"search '{spec.Name}' from {specPath}: {search.Strategy}, population {search.Population}, {search.Generations} generations, seed {search.Seed}, {spec.Workloads.Count} workload(s) over {GridText(spec)}{(search.Reference == SearchReference.Grid ? " (grid run as reference)" : "")}, {jobs} jobs → {directory}"));

        var clock = Stopwatch.StartNew();
        using var interrupt = new CancellationTokenSource();
        ConsoleCancelEventHandler onCtrlC = (_, e) => { e.Cancel = true; interrupt.Cancel(); };
        Console.CancelKeyPress += onCtrlC;
        SearchOutcome outcome;
        try
        {
            outcome = SearchRunner.Run(spec, directory, jobs, resume, null, new SweepOutputOptions(parquet), interrupt.Token);
        }
        catch (OperationCanceledException)
        {
            context.Error.WriteLine($"interrupted: finished points are kept in {Path.Combine(directory, SweepRunner.JournalFile)}; rerun with --resume to continue the search where it stopped");
            return ExitCodes.Interrupted;
        }
        finally
        {
            Console.CancelKeyPress -= onCtrlC;
        }

        var plots = SweepReport.Write(directory, spec);
        clock.Stop();

        Terminal.Render(context, SummaryTable(outcome.Summary));
        var all = outcome.Points.Concat(outcome.ReferencePoints).DistinctBy(p => p.PointId).ToList();
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{outcome.Points.Count} points searched{(outcome.ReferencePoints.Count > 0 ? $", {outcome.ReferencePoints.Count} in the reference grid" : "")} ({outcome.Computed} simulated, {outcome.Resumed} resumed) in {clock.Elapsed.TotalSeconds:0.00} s; {all.Count(p => p.Status == RowStatus.Infeasible)} infeasible, {all.Count(p => p.Status == RowStatus.Error)} failed"));
        context.Out.WriteLine($"wrote {Path.Combine(directory, "points.csv")}, layers.csv, breakdown.csv, manifest.json{(parquet ? ", points/layers/breakdown.parquet" : "")}, {SearchRunner.GenerationsFile}, {SearchRunner.SummaryFile}"
            + (outcome.ReferencePoints.Count > 0 ? $", {Path.Combine(SearchRunner.ReferenceDirectory, "points.csv")}" : "")
            + $", {string.Join(", ", plots.Select(Path.GetFileName))}");
        return all.Any(p => p.Status == RowStatus.Error) ? ExitCodes.Failed : ExitCodes.Ok;
    }

    /// <summary>The space's size without enumerating it (a search's space may be continuous or far too large to list).</summary>
    private static string GridText(SweepSpec spec) => !spec.Space.IsFinite ? "a space with continuous axes"
        : spec.Space.GridSize == long.MaxValue ? "a grid of more than 9.2e18 archs"
        : string.Create(CultureInfo.InvariantCulture, $"a {spec.Space.GridSize}-arch grid");

    private static Table SummaryTable(IReadOnlyList<SearchSummaryRow> summary)
    {
        var table = new Table().AddColumn("workload").AddColumn(new TableColumn("evaluations").RightAligned())
            .AddColumn(new TableColumn("front").RightAligned()).AddColumn(new TableColumn("hypervolume").RightAligned());
        bool reference = summary.Any(s => s.GridPoints is not null);
        if (reference)
        {
            foreach (var column in new[] { "grid points", "saved", "grid front", "found", "HV ratio" })
                table.AddColumn(new TableColumn(column).RightAligned());
        }

        foreach (var s in summary)
        {
            var cells = new List<string>
            {
                Markup.Escape(s.Workload), Text(s.Evaluations), Text(s.FrontSize), s.Hypervolume.ToString("0.0000", CultureInfo.InvariantCulture),
            };
            if (reference)
            {
                cells.Add(Text(s.GridPoints ?? 0));
                cells.Add($"{Text(s.EvaluationsSaved ?? 0)} ({SearchScore.Percent((double)(s.EvaluationsSaved ?? 0) / Math.Max(1, s.GridPoints ?? 1))})");
                cells.Add(Text(s.GridFrontSize ?? 0));
                cells.Add($"{Text(s.GridFrontFound ?? 0)} ({SearchScore.Percent(s.Recall ?? 0)})");
                cells.Add(SearchScore.Percent(s.HypervolumeRatio ?? 0));
            }

            table.AddRow([.. cells]);
        }

        return table;
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
