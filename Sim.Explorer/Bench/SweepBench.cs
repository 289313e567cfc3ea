using System.Diagnostics;
using Sim.Explorer.Reports;
using Sim.Explorer.Sweeps;

namespace Sim.Explorer.Bench;

/// <summary>Wall time of one whole sweep with a given number of jobs, split into its phases.</summary>
public sealed record SweepBenchRun(int Jobs, int Points, double SimulateAndTablesSeconds, double ReportSeconds)
{
    public double TotalSeconds => SimulateAndTablesSeconds + ReportSeconds;

    public double PointsPerSecond => Points / TotalSeconds;
}

/// <summary>
/// Times a whole sweep end to end — plan, simulate every point with its journal line, write points/layers tables, draw
/// the plots and report — into a scratch folder, with N jobs and with one job (the baseline in the same run, so the
/// parallel speedup holds on any machine).
/// </summary>
public static class SweepBench
{
    public const string DefaultSpec = "workloads/sweeps/resnet50-10k.yaml";

    /// <summary>Evaluates a few points untimed so neither timed run pays for JIT compilation.</summary>
    public static void WarmUp(SweepSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        foreach (var point in SweepPlan.Expand(spec).Take(20))
            PointEvaluator.Evaluate(point.Id, point.Workload, point.Arch, point.Mode);
    }

    public static SweepBenchRun Run(SweepSpec spec, int jobs)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var directory = Path.Combine(Path.GetTempPath(), "sim-bench-sweep-" + Guid.NewGuid().ToString("N"));
        try
        {
            var clock = Stopwatch.StartNew();
            var outcome = SweepRunner.Run(spec, directory, jobs, resume: false);
            var simulate = clock.Elapsed.TotalSeconds;
            clock.Restart();
            SweepReport.Write(directory, spec);
            return new SweepBenchRun(jobs, outcome.Points.Count, simulate, clock.Elapsed.TotalSeconds);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
