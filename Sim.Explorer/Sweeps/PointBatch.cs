using Sim.Explorer.Results;

namespace Sim.Explorer.Sweeps;

/// <summary>
/// Simulates a batch of points in parallel, journaling each as it finishes: the one evaluation loop of a grid sweep
/// and of a search (which calls it once per generation). A point that throws is kept with status "error" and the
/// reason; the batch goes on.
/// </summary>
public static class PointBatch
{
    /// <summary>Evaluates <paramref name="todo"/>, appending each result to <paramref name="journal"/> and <paramref name="finished"/>; <paramref name="pointFinished"/> is called from worker threads.</summary>
    public static void Evaluate(IReadOnlyList<SweepPoint> todo, SweepJournal journal, Dictionary<string, SweepJournal.Entry> finished,
        int jobs, Action? pointFinished, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(todo);
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(finished);
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, jobs), CancellationToken = cancel };
        Parallel.ForEach(todo, options, point =>
        {
            var entry = EvaluatePoint(point);
            journal.Append(entry);
            lock (finished)
                finished[point.Id] = entry;
            pointFinished?.Invoke();
        });
    }

    public static SweepJournal.Entry EvaluatePoint(SweepPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
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
