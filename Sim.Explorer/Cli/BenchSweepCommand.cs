using System.CommandLine;
using System.Globalization;
using Sim.Explorer.Bench;
using Sim.Explorer.Inputs;
using Sim.Explorer.Sweeps;

namespace Sim.Explorer.Cli;

/// <summary>
/// <c>sim bench sweep [SPEC]</c>: a whole sweep end to end (default: 10,000 ResNet-50 points), with --jobs and with one
/// job in the same run, so the wall time and the parallel speedup are measured, never asserted in a test.
/// </summary>
public static class BenchSweepCommand
{
    public static Command Create(CliContext context)
    {
        var specArg = new Argument<string?>("spec") { Description = "Sweep spec (.yaml); default: " + SweepBench.DefaultSpec, Arity = ArgumentArity.ZeroOrOne };
        var jobs = new Option<int>("--jobs", "-j") { Description = "Points simulated in parallel", DefaultValueFactory = _ => Environment.ProcessorCount };
        var noBaseline = new Option<bool>("--no-baseline") { Description = "Skip the one-job baseline run" };
        var command = new Command("sweep", "Time a whole sweep (plan, simulate, tables, plots) with N jobs and with one, best of 2 alternating runs each") { specArg, jobs, noBaseline };
        command.SetAction(parse =>
        {
            var specFile = parse.GetValue(specArg) is { } path ? InputFile.Read(path)
                : File.Exists(SweepBench.DefaultSpec) ? InputFile.Read(SweepBench.DefaultSpec)
                : InputFile.ReadEmbedded(SweepBench.DefaultSpec);
            var jobCount = parse.GetValue(jobs);
            if (jobCount < 1)
                throw new Core.Config.SimInputException($"--jobs: {jobCount} must be at least 1. Fix: e.g. --jobs {Environment.ProcessorCount}");
            if (ExperimentSweeps.For(specFile) is not null)
                throw new Core.Config.SimInputException($"{specFile.DisplayPath}: the sweep bench times design-space sweeps; an attention/spgemm/neupims experiment spec is not one. Fix: give a spec with base/workloads/axes");
            var spec = SweepSpecYaml.Read(specFile);
            SweepBench.WarmUp(spec);
            if (parse.GetValue(noBaseline) || jobCount == 1)
            {
                context.Out.WriteLine(Describe(spec.Name, SweepBench.Run(spec, jobCount)));
                return ExitCodes.Ok;
            }

            // Alternating N, 1, N, 1 and keeping each one's faster run: whichever runs first also pays for the JIT of the
            // table and plot code, and the alternation cancels that (and slow drifts in the machine's load).
            var parallel = new List<SweepBenchRun>();
            var single = new List<SweepBenchRun>();
            for (var round = 0; round < 2; round++)
            {
                parallel.Add(SweepBench.Run(spec, jobCount));
                single.Add(SweepBench.Run(spec, 1));
            }

            var bestParallel = parallel.MinBy(r => r.TotalSeconds)!;
            var bestSingle = single.MinBy(r => r.TotalSeconds)!;
            context.Out.WriteLine(Describe(spec.Name, bestParallel));
            context.Out.WriteLine(Describe(spec.Name, bestSingle));
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"parallel speedup with {jobCount} jobs: {bestSingle.TotalSeconds / bestParallel.TotalSeconds:0.00}x in this run ({Environment.ProcessorCount} cores; best of 2 alternating runs each)"));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Describe(string name, SweepBenchRun run) => string.Create(CultureInfo.InvariantCulture,
        $"sweep '{name}', {run.Points} points, {run.Jobs} job{(run.Jobs == 1 ? "" : "s")}: {run.TotalSeconds:0.00} s = {run.PointsPerSecond:0} points/s (simulate + journal + tables {run.SimulateAndTablesSeconds:0.00} s, plots {run.ReportSeconds:0.00} s)");
}
