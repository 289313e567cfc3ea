using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Sim.Explorer.Cli;

/// <summary>The interactive sweep progress bar: points done / total, rate, elapsed time and ETA (Spectre.Console).</summary>
public sealed class SweepProgressBar : SweepProgressTracker
{
    private ProgressTask? _task;

    private SweepProgressBar()
    {
    }

    /// <summary>Runs <paramref name="run"/> under a live bar drawn on <paramref name="console"/>.</summary>
    public static T Show<T>(IAnsiConsole console, long estimatedTotal, Func<SweepProgressBar, T> run)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(run);
        T result = default!;
        // The columns render the bar's own counts (Spectre's speed would count resumed points as instant work).
        var bar = new SweepProgressBar();
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new DoneColumn(bar), new RateColumn(bar), new ElapsedTimeColumn(), new EtaColumn(bar), new SpinnerColumn())
            .Start(context =>
            {
                bar._task = context.AddTask("simulate", maxValue: Math.Max(1, estimatedTotal));
                result = run(bar);
                bar._task.Value = bar._task.MaxValue;
            });
        return result;
    }

    public override void Started(int total, int resumed)
    {
        base.Started(total, resumed);
        if (_task is null)
            return;
        _task.MaxValue = Math.Max(1, total);
        _task.Value = resumed;
    }

    public override void PointFinished()
    {
        base.PointFinished();
        _task?.Increment(1);
    }

    private sealed class DoneColumn(SweepProgressBar bar) : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text(string.Create(CultureInfo.InvariantCulture, $"{bar.Done}/{bar.Total}"));
    }

    /// <summary>Points simulated per second by this run.</summary>
    private sealed class RateColumn(SweepProgressBar bar) : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text(bar.PointsPerSecond is { } rate ? rate.ToString("0.0", CultureInfo.InvariantCulture) + " pts/s" : "– pts/s", new Style(Color.Aqua));
    }

    private sealed class EtaColumn(SweepProgressBar bar) : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text("ETA " + (bar.Eta is { } eta ? Clock(eta) : "–:––:––"), new Style(Color.Blue));
    }
}
