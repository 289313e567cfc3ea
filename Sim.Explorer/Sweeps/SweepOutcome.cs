using Sim.Explorer.Results;

namespace Sim.Explorer.Sweeps;

/// <summary>What a sweep run produced: rows in plan order, and how many points this run computed vs took from the journal.</summary>
public sealed record SweepOutcome(
    string OutputDirectory,
    IReadOnlyList<PointRow> Points,
    IReadOnlyList<LayerRow> Layers,
    int Computed,
    int Resumed);
