using Sim.Explorer.Cli;

namespace Sim.Explorer.Tests.Cli;

public class SweepProgressTests
{
    [Fact]
    public void Rate_and_eta_count_only_the_points_this_run_simulated()
    {
        var now = TimeSpan.FromSeconds(100);
        var tracker = new SweepProgressTracker(() => now);
        tracker.Started(total: 100, resumed: 20);
        Assert.Null(tracker.PointsPerSecond);
        Assert.Null(tracker.Eta);
        for (var i = 0; i < 10; i++)
            tracker.PointFinished();
        now += TimeSpan.FromSeconds(5);
        Assert.Equal(30, tracker.Done);
        Assert.Equal(2.0, tracker.PointsPerSecond);
        Assert.Equal(TimeSpan.FromSeconds(35), tracker.Eta); // 70 left at 2 points/s
        Assert.Equal("30/100 points (30.0 %), 2.0 points/s, elapsed 0:00:05, ETA 0:00:35", tracker.Describe());

        // The clock stops with the last point: time spent writing tables afterwards does not lower the rate.
        for (var i = 0; i < 70; i++)
            tracker.PointFinished();
        now += TimeSpan.FromSeconds(30);
        Assert.Equal(TimeSpan.FromSeconds(5), tracker.Elapsed);
        Assert.Equal(16.0, tracker.PointsPerSecond);
    }

    [Fact]
    public void Plain_progress_prints_at_most_every_ten_seconds_and_a_final_line()
    {
        var now = TimeSpan.Zero;
        using var log = new StringWriter();
        var progress = new PlainSweepProgress(log, () => now);
        progress.Started(total: 50, resumed: 0);
        for (var i = 0; i < 50; i++)
        {
            now += TimeSpan.FromSeconds(1); // one point per second: lines at 10, 20, 30, 40, 50 s
            progress.PointFinished();
        }

        progress.Finish();
        var lines = log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(6, lines.Length);
        Assert.Equal("progress: 10/50 points (20.0 %), 1.0 points/s, elapsed 0:00:10, ETA 0:00:40", lines[0]);
        Assert.Equal("progress: 50/50 points (100.0 %), 1.0 points/s, elapsed 0:00:50, ETA 0:00:00", lines[^1]);
    }

    [Fact]
    public void Plain_progress_says_nothing_if_the_run_never_started()
    {
        using var log = new StringWriter();
        new PlainSweepProgress(log).Finish();
        Assert.Equal("", log.ToString());
    }
}
