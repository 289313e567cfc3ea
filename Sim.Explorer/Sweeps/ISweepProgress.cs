namespace Sim.Explorer.Sweeps;

/// <summary>What a running sweep tells its progress display. Calls to <see cref="PointFinished"/> come from worker threads.</summary>
public interface ISweepProgress
{
    /// <summary>Once, before any point runs: the points this run covers, and how many of them the journal already holds.</summary>
    void Started(int total, int resumed);

    /// <summary>One more point simulated and journaled.</summary>
    void PointFinished();
}
