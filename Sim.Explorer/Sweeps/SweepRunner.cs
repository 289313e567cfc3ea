namespace Sim.Explorer.Sweeps;

/// <summary>
/// Runs a sweep's points in parallel (<see cref="PointBatch"/>), journaling each finished point, then writes the tables
/// (<see cref="SweepTables"/>).
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
            PointBatch.Evaluate(todo, journal, finished, jobs, progress, cancel);
        }

        var (points, layers) = SweepTables.Write(outputDirectory, spec, plan, finished);
        return new SweepOutcome(outputDirectory, points, layers, todo.Count, resumed);
    }
}
