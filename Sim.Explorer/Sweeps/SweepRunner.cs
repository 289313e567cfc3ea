using Sim.Explorer.Results;

namespace Sim.Explorer.Sweeps;

/// <summary>
/// Runs a sweep's points in parallel, journaling each finished point, then writes the tables
/// (<see cref="SweepTables"/>).
/// A point that throws is kept with status "error" and the reason; the sweep goes on.
/// </summary>
public static class SweepRunner
{
    public const string JournalFile = "journal.jsonl";

    public static SweepOutcome Run(SweepSpec spec, string outputDirectory, int jobs, bool resume, IProgress<int>? progress = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Directory.CreateDirectory(outputDirectory);
        var plan = SweepPlan.Expand(spec);
        var journalPath = Path.Combine(outputDirectory, JournalFile);
        int resumed;
        List<SweepPoint> todo;
        Dictionary<string, SweepJournal.Entry> finished = [];
        using (var journal = resume ? SweepJournal.Resume(journalPath, out finished) : SweepJournal.Create(journalPath))
        {
            var planIds = plan.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
            resumed = finished.Keys.Count(planIds.Contains);
            todo = plan.Where(p => !finished.ContainsKey(p.Id)).ToList();
            var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, jobs), CancellationToken = cancel };
            Parallel.ForEach(todo, options, point =>
            {
                var entry = EvaluatePoint(point);
                journal.Append(entry);
                lock (finished)
                    finished[point.Id] = entry;
                progress?.Report(1);
            });
        }

        var (points, layers) = SweepTables.Write(outputDirectory, spec, plan, finished);
        return new SweepOutcome(outputDirectory, points, layers, todo.Count, resumed);
    }

    private static SweepJournal.Entry EvaluatePoint(SweepPoint point)
    {
        try
        {
            var (row, layers) = PointEvaluator.Evaluate(point.Id, point.Workload, point.Arch, point.Mode);
            return new SweepJournal.Entry(row, [.. layers]);
        }
#pragma warning disable CA1031 // one failing point must not kill a sweep of thousands; its reason is recorded
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or OverflowException or NotSupportedException)
#pragma warning restore CA1031
        {
            var row = PointRow.Describe(point.Id, point.Workload.Name, point.Arch, point.Mode);
            row.Status = Analysis.RowStatus.Error;
            row.Reason = $"{e.GetType().Name}: {e.Message}";
            return new SweepJournal.Entry(row, []);
        }
    }
}
