using Sim.Explorer.Results;

namespace Sim.Explorer.Sweeps;

/// <summary>
/// What a search run produced: the search's points (first-evaluated order) and layers, the grid's points when it had a
/// reference, the convergence (search.csv) and per-workload summary (search_summary.csv) rows, and how many points this
/// run simulated vs took from the journal (search and reference grid together).
/// </summary>
public sealed record SearchOutcome(
    string OutputDirectory,
    IReadOnlyList<PointRow> Points,
    IReadOnlyList<LayerRow> Layers,
    IReadOnlyList<PointRow> ReferencePoints,
    IReadOnlyList<SearchGenerationRow> Generations,
    IReadOnlyList<SearchSummaryRow> Summary,
    int Computed,
    int Resumed);
