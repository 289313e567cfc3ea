using System.Diagnostics;
using System.Globalization;
using Sim.Explorer.Sweeps;

namespace Sim.Explorer.Cli;

/// <summary>
/// Counts a running sweep's points and derives its rate and ETA from the points this run simulated (points resumed
/// from the journal are done but took no time now, so they count towards done, not towards the rate).
/// Thread-safe: workers call <see cref="PointFinished"/> concurrently. The clock is injectable for tests.
/// </summary>
public class SweepProgressTracker : ISweepProgress
{
    private readonly Func<TimeSpan> _clock;
    private int _computed;
    private TimeSpan _startedAt;
    private long _finishedAtTicks = -1;

    public SweepProgressTracker(Func<TimeSpan>? clock = null)
    {
        if (clock is null)
        {
            var watch = Stopwatch.StartNew();
            clock = () => watch.Elapsed;
        }

        _clock = clock;
    }

    public bool IsStarted { get; private set; }

    public int Total { get; private set; }

    public int Resumed { get; private set; }

    public int Computed => Volatile.Read(ref _computed);

    public int Done => Resumed + Computed;

    /// <summary>Time since the start; it stops when the last point is done (writing the tables afterwards is not simulation).</summary>
    public TimeSpan Elapsed => (Interlocked.Read(ref _finishedAtTicks) is var end and >= 0 ? TimeSpan.FromTicks(end) : _clock()) - _startedAt;

    /// <summary>Points simulated per second by this run; null before the first point.</summary>
    public double? PointsPerSecond => Computed > 0 && Elapsed > TimeSpan.Zero ? Computed / Elapsed.TotalSeconds : null;

    /// <summary>Time left at the current rate; zero when done, null while unknown.</summary>
    public TimeSpan? Eta => Done >= Total ? TimeSpan.Zero : PointsPerSecond is { } rate ? TimeSpan.FromSeconds((Total - Done) / rate) : null;

    public virtual void Started(int total, int resumed)
    {
        Total = total;
        Resumed = resumed;
        IsStarted = true;
        _startedAt = _clock();
    }

    public virtual void PointFinished()
    {
        if (Resumed + Interlocked.Increment(ref _computed) == Total)
            Interlocked.Exchange(ref _finishedAtTicks, _clock().Ticks);
    }

    /// <summary>"120/600 points (20.0 %), 15.3 points/s, elapsed 0:00:08, ETA 0:00:31".</summary>
    public string Describe()
    {
        var percent = Total == 0 ? 100 : 100.0 * Done / Total;
        var rate = PointsPerSecond is { } r ? r.ToString("0.0", CultureInfo.InvariantCulture) + " points/s" : "– points/s";
        var eta = Eta is { } e ? Clock(e) : "–";
        return string.Create(CultureInfo.InvariantCulture, $"{Done}/{Total} points ({percent:0.0} %), {rate}, elapsed {Clock(Elapsed)}, ETA {eta}");
    }

    public static string Clock(TimeSpan t) => t.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture);
}
