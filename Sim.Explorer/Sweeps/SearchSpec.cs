namespace Sim.Explorer.Sweeps;

/// <summary>
/// A spec's <c>search:</c>: instead of every grid point, an NSGA-II search over the same axes (per workload,
/// <see cref="Population"/> candidates for the initial generation and each of <see cref="Generations"/> more).
/// <see cref="Reference"/> = grid also runs the whole grid to measure what the search found and what it saved.
/// </summary>
public sealed record SearchSpec(string Strategy, int Population, int Generations, int Seed, SearchReference Reference)
{
    /// <summary>The most candidates the search can ask per workload (duplicates are simulated once).</summary>
    public long MaxCandidates => (long)Population * (Generations + 1);
}

/// <summary>What a search is measured against: nothing, or the full grid of the same axes.</summary>
public enum SearchReference
{
    None,
    Grid,
}
