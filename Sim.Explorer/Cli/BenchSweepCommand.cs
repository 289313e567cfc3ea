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
        var command = new Command("sweep", "Time a whole sweep (plan, simulate, tables, plots) with N jobs and with one") { specArg, jobs, noBaseline };
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
            var parallel = SweepBench.Run(spec, jobCount);
            context.Out.WriteLine(Describe(spec.Name, parallel));
            if (!parse.GetValue(noBaseline) && jobCount > 1)
            {
                var single = SweepBench.Run(spec, 1);
                context.Out.WriteLine(Describe(spec.Name, single));
                context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"parallel speedup with {jobCount} jobs: {single.TotalSeconds / parallel.TotalSeconds:0.00}x in this run ({Environment.ProcessorCount} cores)"));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Describe(string name, SweepBenchRun run) => string.Create(CultureInfo.InvariantCulture,
        $"sweep '{name}', {run.Points} points, {run.Jobs} job{(run.Jobs == 1 ? "" : "s")}: {run.TotalSeconds:0.00} s = {run.PointsPerSecond:0} points/s (simulate + journal + tables {run.SimulateAndTablesSeconds:0.00} s, plots {run.ReportSeconds:0.00} s)");
}
