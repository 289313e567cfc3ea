namespace Sim.Explorer.Cli;

/// <summary>
/// Progress for non-interactive runs (CI logs, Slurm output files): one plain line at most every
/// <see cref="Interval"/>, plus a final line, instead of a redrawn bar that would fill the log with control codes.
/// </summary>
public sealed class PlainSweepProgress(TextWriter log, Func<TimeSpan>? clock = null) : SweepProgressTracker(clock)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private readonly Lock _lock = new();
    private TimeSpan _lastLine;

    public override void Started(int total, int resumed)
    {
        base.Started(total, resumed);
        _lastLine = Elapsed;
    }

    public override void PointFinished()
    {
        base.PointFinished();
        lock (_lock)
        {
            var now = Elapsed;
            if (now - _lastLine < Interval)
                return;
            _lastLine = now;
            log.WriteLine("progress: " + Describe());
        }
    }

    /// <summary>The last line, once the run has stopped (finished or interrupted).</summary>
    public void Finish()
    {
        lock (_lock)
        {
            if (IsStarted)
                log.WriteLine("progress: " + Describe());
        }
    }
}
