using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Sim.Explorer.Analysis;
using Sim.Explorer.Inputs;
using Sim.Explorer.Reports;
using Sim.Explorer.Sweeps;
using Spectre.Console;

namespace Sim.Explorer.Cli;

/// <summary>
/// <c>sim sweep [SPEC]</c>: runs a design-space sweep into reports/&lt;name&gt;/. With no SPEC it runs
/// workloads/sweeps/default.yaml from the current directory, or the copy embedded in the tool.
/// </summary>
public static class SweepCommand
{
    public const string DefaultSpec = "workloads/sweeps/default.yaml";

    public static Command Create(CliContext context)
    {
        var specArg = new Argument<string?>("spec") { Description = "Sweep spec (.yaml); default: " + DefaultSpec, Arity = ArgumentArity.ZeroOrOne };
        var output = new Option<string?>("--output", "-o") { Description = "Output directory (default reports/<sweep name>)" };
        var jobs = new Option<int>("--jobs", "-j") { Description = "Points simulated in parallel", DefaultValueFactory = _ => Environment.ProcessorCount };
        var resume = new Option<bool>("--resume") { Description = "Keep points already finished in the output directory's journal" };
        var command = new Command("sweep", "Run a design-space sweep") { specArg, output, jobs, resume };
        command.SetAction(parse =>
        {
            var specFile = parse.GetValue(specArg) is { } path ? InputFile.Read(path)
                : File.Exists(DefaultSpec) ? InputFile.Read(DefaultSpec)
                : InputFile.ReadEmbedded(DefaultSpec);
            var jobCount = parse.GetValue(jobs);
            if (jobCount < 1)
                throw new Core.Config.SimInputException($"--jobs: {jobCount} must be at least 1. Fix: e.g. --jobs {Environment.ProcessorCount}");
            if (ExperimentSweeps.For(specFile) is { } experiment)
                return experiment(context, specFile, parse.GetValue(output), parse.GetValue(resume), jobCount);
            var spec = SweepSpecYaml.Read(specFile);
            var directory = parse.GetValue(output) ?? Path.Combine("reports", spec.Name);
            if (spec.Search is not null)
                return SearchSweep.Run(context, spec, specFile.DisplayPath, directory, jobCount, parse.GetValue(resume));
            context.Error.WriteLine($"sweep '{spec.Name}' from {specFile.DisplayPath}: {spec.PointCount} points, {jobCount} jobs → {directory}");

            var clock = Stopwatch.StartNew();
            using var interrupt = new CancellationTokenSource();
            ConsoleCancelEventHandler onCtrlC = (_, e) => { e.Cancel = true; interrupt.Cancel(); };
            Console.CancelKeyPress += onCtrlC;
            SweepOutcome outcome;
            try
            {
                outcome = Run(context, spec, directory, jobCount, parse.GetValue(resume), interrupt.Token);
            }
            catch (OperationCanceledException)
            {
                context.Error.WriteLine($"interrupted: finished points are kept in {Path.Combine(directory, SweepRunner.JournalFile)}; rerun with --resume to complete the sweep");
                return ExitCodes.Interrupted;
            }
            finally
            {
                Console.CancelKeyPress -= onCtrlC;
            }

            var plots = SweepReport.Write(directory, spec);
            clock.Stop();

            Terminal.Render(context, BestTable(outcome));
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{outcome.Points.Count} points ({outcome.Computed} simulated, {outcome.Resumed} resumed) in {clock.Elapsed.TotalSeconds:0.00} s; {outcome.Points.Count(p => p.Status == RowStatus.Infeasible)} infeasible, {outcome.Points.Count(p => p.Status == RowStatus.Error)} failed"));
            context.Out.WriteLine($"wrote {Path.Combine(directory, "points.csv")}, layers.csv, manifest.json, {string.Join(", ", plots.Select(Path.GetFileName))}");
            return outcome.Points.Any(p => p.Status == RowStatus.Error) ? ExitCodes.Failed : ExitCodes.Ok;
        });
        return command;
    }

    private static SweepOutcome Run(CliContext context, SweepSpec spec, string directory, int jobs, bool resume, CancellationToken cancel)
    {
        if (!context.Interactive)
            return SweepRunner.Run(spec, directory, jobs, resume, null, cancel);
        SweepOutcome? outcome = null;
        Terminal.Console(context.Error, true).Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("simulate", maxValue: spec.PointCount);
                outcome = SweepRunner.Run(spec, directory, jobs, resume, new Progress<int>(n => task.Increment(n)), cancel);
                task.Value = task.MaxValue;
            });
        return outcome!;
    }

    /// <summary>The fastest design per workload, and the most PE-efficient one on the Pareto front.</summary>
    private static Table BestTable(SweepOutcome outcome)
    {
        var table = new Table().AddColumn("workload").AddColumn("fastest design").AddColumn(new TableColumn("cycles").RightAligned())
            .AddColumn(new TableColumn("util").RightAligned()).AddColumn(new TableColumn("pareto points").RightAligned());
        foreach (var group in outcome.Points.Where(RowStatus.IsOk).GroupBy(p => p.Workload))
        {
            var best = group.OrderBy(p => p.LatencyCycles).ThenBy(p => p.PeCount).First();
            table.AddRow(Markup.Escape(group.Key), best.Tile + (best.PeVariant == "mac" ? "" : " " + best.PeVariant),
                best.LatencyCycles.ToString(CultureInfo.InvariantCulture),
                best.Utilization.ToString("P1", CultureInfo.InvariantCulture),
                group.Count(p => p.Pareto).ToString(CultureInfo.InvariantCulture));
        }

        return table;
    }
}
