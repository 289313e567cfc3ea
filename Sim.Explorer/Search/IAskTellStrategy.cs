namespace Sim.Explorer.Search;

/// <summary>
/// A search over a design space as an ask/tell loop: the strategy proposes candidates (genes in the unit cube), the
/// caller decodes and evaluates them however it likes (in parallel, from a cache, on a cluster) and tells the costs
/// back. The strategy never runs a simulation itself, so the sweep runner's journal, resume and sharding apply.
/// </summary>
public interface IAskTellStrategy
{
    /// <summary>True when the strategy has nothing more to ask.</summary>
    bool IsDone { get; }

    /// <summary>The next batch of candidates to evaluate (each gene in [0, 1)); empty once <see cref="IsDone"/>.</summary>
    IReadOnlyList<double[]> Ask();

    /// <summary>
    /// The costs (to minimise) of every candidate of the last <see cref="Ask"/>, in the same order. A candidate that could
    /// not be evaluated (an infeasible design) is told as <c>null</c> and ranks behind every feasible one.
    /// </summary>
    void Tell(IReadOnlyList<double[]?> costs);
}
