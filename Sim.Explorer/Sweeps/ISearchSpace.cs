using Sim.Core.Workloads;

namespace Sim.Explorer.Sweeps;

/// <summary>
/// A design space as a search sees it: a fixed number of genes, each in [0, 1), that decode to one design point of a
/// workload. The search strategy knows nothing of archs; the runner knows nothing of genes.
/// </summary>
public interface ISearchSpace
{
    /// <summary>How many genes a candidate has (one per axis that has a choice to make).</summary>
    int Genes { get; }

    /// <summary>The point that <paramref name="genes"/> names, for <paramref name="workload"/> (its index is left 0: the runner numbers points).</summary>
    SweepPoint Decode(IReadOnlyList<double> genes, (string Path, Workload Workload) workload);
}
