using Sim.Explorer.Results;
using Sim.Explorer.Sweeps.Sharding;

namespace Sim.Explorer.Sweeps;

/// <summary>
/// Runs a sweep's points in parallel (<see cref="PointBatch"/>), journaling each finished point, then writes the tables
/// (<see cref="SweepTables"/>).
/// </summary>
public static class SweepRunner
{
    public const string JournalFile = "journal.jsonl";

    /// <summary>
    /// Runs the whole sweep (<paramref name="shard"/> null) into DIR/journal.jsonl and writes its tables; or runs one
    /// shard's points into its part file DIR/parts/shard-i-of-N.jsonl and writes nothing shared (<c>sim merge</c> writes
    /// the tables once every shard is done). <paramref name="progress"/> hears the point count first, then each point this run finishes.
    /// </summary>
    public static SweepOutcome Run(SweepSpec spec, string outputDirectory, int jobs, bool resume, ISweepProgress? progress = null,
        Shard? shard = null, Inputs.InputFile? specFile = null, SweepOutputOptions? outputs = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Directory.CreateDirectory(outputDirectory);
        var plan = SweepPlan.Expand(spec);
        var mine = shard is null ? plan : shard.Select(plan);
        string journalPath;
        if (shard is null)
        {
            journalPath = Path.Combine(outputDirectory, JournalFile);
        }
        else
        {
            PartFiles.WriteSpec(outputDirectory, shard, spec, specFile ?? new Inputs.InputFile(spec.SourcePath, spec.SourceText, false));
            journalPath = PartFiles.Journal(outputDirectory, shard);
        }

        var (todo, finished, resumed) = Execute(mine, journalPath, jobs, resume, progress, cancel);
        if (shard is not null)
        {
            // A shard's rows in plan order, unmarked (the Pareto front is a property of the whole sweep, found at merge).
            var rows = mine.Select(p => finished[p.Id]).ToList();
            return new SweepOutcome(outputDirectory, [.. rows.Select(e => e.Point)], [.. rows.SelectMany(e => e.Layers)], todo, resumed);
        }

        var (points, layers) = SweepTables.Write(outputDirectory, spec, plan, finished, outputs);
        return new SweepOutcome(outputDirectory, points, layers, todo, resumed);
    }

    /// <summary>Simulates the points of <paramref name="points"/> not yet in the journal; returns how many it ran, all finished entries, and how many were resumed.</summary>
    private static (int Computed, Dictionary<string, SweepJournal.Entry> Finished, int Resumed) Execute(
        IReadOnlyList<SweepPoint> points, string journalPath, int jobs, bool resume, ISweepProgress? progress, CancellationToken cancel)
    {
        Dictionary<string, SweepJournal.Entry> finished = [];
        using var journal = resume ? SweepJournal.Resume(journalPath, out finished) : SweepJournal.Create(journalPath);
        var ids = points.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var resumed = finished.Keys.Count(ids.Contains);
        var todo = points.Where(p => !finished.ContainsKey(p.Id)).ToList();
        progress?.Started(points.Count, resumed);
        PointBatch.Evaluate(todo, journal, finished, jobs, progress is null ? null : progress.PointFinished, cancel);
        return (todo.Count, finished, resumed);
    }
}
