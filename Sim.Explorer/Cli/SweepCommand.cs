using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Sim.Explorer.Analysis;
using Sim.Explorer.Inputs;
using Sim.Explorer.Reports;
using Sim.Explorer.Sweeps;
using Sim.Explorer.Sweeps.Sharding;
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
        var resume = new Option<bool>("--resume") { Description = "Keep points already finished in the output directory's journal (a shard's: its part file)" };
        var shard = new Option<string?>("--shard") { Description = "Run only shard i of N (0-based, 'i/N'): plan points with index ≡ i (mod N), into DIR/parts/; default: from SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX if set" };
        var noShard = new Option<bool>("--no-shard") { Description = "Run the whole sweep even inside a Slurm array or Kubernetes Indexed Job (an array over different specs or seeds)" };
        var shardCount = new Option<int?>("--shard-count") { Description = "Shard count for a Kubernetes Indexed Job (JOB_COMPLETION_INDEX); default: $" + ShardDetection.ShardCountVariable };
        var parquet = new Option<bool>("--parquet") { Description = "Also write points, layers and breakdown as .parquet (same columns as the CSVs)" };
        var command = new Command("sweep", "Run a design-space sweep") { specArg, output, jobs, resume, shard, shardCount, noShard, parquet };
        command.SetAction(parse =>
        {
            var specFile = parse.GetValue(specArg) is { } path ? InputFile.Read(path)
                : File.Exists(DefaultSpec) ? InputFile.Read(DefaultSpec)
                : InputFile.ReadEmbedded(DefaultSpec);
            var jobCount = parse.GetValue(jobs);
            if (jobCount < 1)
                throw new Core.Config.SimInputException($"--jobs: {jobCount} must be at least 1. Fix: e.g. --jobs {Environment.ProcessorCount}");
            var experiment = ExperimentSweeps.For(specFile);
            var spec = experiment is null ? SweepSpecYaml.Read(specFile) : null;
            var environment = context.Environment ?? ShardDetection.ProcessEnvironment();
            ShardChoice choice;
            if ((experiment is not null || spec?.Search is not null) && parse.GetValue(shard) is null && parse.GetValue(shardCount) is null)
            {
                // An array over different specs or seeds is a common pattern: a spec that cannot be sharded runs whole, and
                // the environment is not even parsed (an incomplete one must not stop it).
                choice = new ShardChoice(null, "whole sweep");
                if (!parse.GetValue(noShard) && ShardDetection.InArrayJob(environment))
                    context.Error.WriteLine($"note: the array job's index is ignored: {(experiment is not null ? "an experiment sweep" : "a search")} is not sharded, so it runs whole");
            }
            else
            {
                choice = ShardDetection.Detect(parse.GetValue(shard), parse.GetValue(shardCount), environment, parse.GetValue(noShard));
            }

            if (experiment is not null)
            {
                if (choice.Shard is not null)
                    throw new Core.Config.SimInputException($"{specFile.DisplayPath}: experiment sweeps ({string.Join(", ", ExperimentSweeps.Keys)}) are not shardable (shard from {choice.Source}). Fix: run it without --shard, outside an array job");
                if (parse.GetValue(parquet))
                    throw new Core.Config.SimInputException($"--parquet: experiment sweeps ({string.Join(", ", ExperimentSweeps.Keys)}) write CSV only. Fix: drop --parquet");
                return experiment(context, specFile, parse.GetValue(output), parse.GetValue(resume), jobCount);
            }

            ArgumentNullException.ThrowIfNull(spec); // read above for every non-experiment spec
            var directory = parse.GetValue(output) ?? Path.Combine("reports", spec.Name);
            if (spec.Search is not null)
            {
                if (choice.Shard is { } searchShard)
                    throw new Core.Config.SimInputException($"{specFile.DisplayPath}: shard {searchShard} (from {choice.Source}) of a search: a search runs generation by generation, each asking for points the last one chose. Fix: run it without --shard, outside an array job, or shard a sampled sweep (drop 'search:') instead");
                return SearchSweep.Run(context, spec, specFile.DisplayPath, directory, jobCount, parse.GetValue(resume), parse.GetValue(parquet));
            }

            if (choice.Shard is not null && parse.GetValue(parquet))
                throw new Core.Config.SimInputException($"--parquet: a shard writes only its part file; the tables (and Parquet) are written when the parts are merged. Fix: drop --parquet here and run sim merge {directory} --parquet");
            var plan = SweepPlan.Build(spec);
            if (choice.Shard is { } part)
            {
                context.Error.WriteLine($"shard {part} from {choice.Source}");
                context.Error.WriteLine($"sweep '{spec.Name}' from {specFile.DisplayPath}: shard {part} has {part.PointCount(plan.Points.Count)} of {plan.Points.Count} points ({plan.RemovedByConstraints} removed by constraints), {jobCount} jobs → {PartFiles.Journal(directory, part)}");
            }
            else
            {
                context.Error.WriteLine($"sweep '{spec.Name}' from {specFile.DisplayPath}: {plan.Points.Count} points ({plan.RemovedByConstraints} removed by constraints), {jobCount} jobs → {directory}");
            }

            var clock = Stopwatch.StartNew();
            using var interrupt = new CancellationTokenSource();
            ConsoleCancelEventHandler onCtrlC = (_, e) => { e.Cancel = true; interrupt.Cancel(); };
            Console.CancelKeyPress += onCtrlC;
            SweepOutcome outcome;
            try
            {
                outcome = Run(context, spec, specFile, directory, jobCount, parse.GetValue(resume), choice.Shard, new SweepOutputOptions(parse.GetValue(parquet)), interrupt.Token);
            }
            catch (OperationCanceledException)
            {
                var journal = choice.Shard is { } stopped ? PartFiles.Journal(directory, stopped) : Path.Combine(directory, SweepRunner.JournalFile);
                var again = choice.Shard is { } p ? $" (sim sweep {specFile.DisplayPath} --shard {p} --resume -o {directory})" : "";
                context.Error.WriteLine($"interrupted: finished points are kept in {journal}; rerun with --resume to complete the sweep{again}");
                return ExitCodes.Interrupted;
            }
            finally
            {
                Console.CancelKeyPress -= onCtrlC;
            }

            if (choice.Shard is { } done)
            {
                clock.Stop();
                context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"shard {done}: {outcome.Points.Count} points ({outcome.Computed} simulated, {outcome.Resumed} resumed) in {clock.Elapsed.TotalSeconds:0.00} s; {outcome.Points.Count(p => p.Status == RowStatus.Infeasible)} infeasible, {outcome.Points.Count(p => p.Status == RowStatus.Error)} failed"));
                context.Out.WriteLine($"wrote {PartFiles.Journal(directory, done)}; when all {done.Count} shards are done: sim merge {directory}");
                // Exit 0 once every point is journaled, failed ones included: a failed point is data (merge reports it and
                // exits 1), and a shard that exited 1 would block an afterok merge job forever, even after a resume.
                return ExitCodes.Ok;
            }

            var plots = SweepReport.Write(directory, spec);
            clock.Stop();

            Terminal.Render(context, BestTable(outcome));
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{outcome.Points.Count} points ({outcome.Computed} simulated, {outcome.Resumed} resumed) in {clock.Elapsed.TotalSeconds:0.00} s; {outcome.Points.Count(p => p.Status == RowStatus.Infeasible)} infeasible, {outcome.Points.Count(p => p.Status == RowStatus.Error)} failed"));
            context.Out.WriteLine($"wrote {Path.Combine(directory, "points.csv")}, layers.csv, breakdown.csv, manifest.json{(parse.GetValue(parquet) ? ", points/layers/breakdown.parquet" : "")}, {string.Join(", ", plots.Select(Path.GetFileName))}");
            return outcome.Points.Any(p => p.Status == RowStatus.Error) ? ExitCodes.Failed : ExitCodes.Ok;
        });
        return command;
    }

    private static SweepOutcome Run(CliContext context, SweepSpec spec, InputFile specFile, string directory, int jobs, bool resume, Shard? shard, SweepOutputOptions outputs, CancellationToken cancel)
    {
        if (context.Interactive)
        {
            var total = shard?.PointCount(spec.PointCount) ?? spec.PointCount;
            return SweepProgressBar.Show(Terminal.Console(context.Error, true), total,
                bar => SweepRunner.Run(spec, directory, jobs, resume, bar, shard, specFile, outputs, cancel));
        }

        var progress = new PlainSweepProgress(context.Error);
        try
        {
            return SweepRunner.Run(spec, directory, jobs, resume, progress, shard, specFile, outputs, cancel);
        }
        finally
        {
            progress.Finish();
        }
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
