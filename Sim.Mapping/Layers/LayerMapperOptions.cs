namespace Sim.Mapping.Layers;

/// <summary>CP-SAT layer-mapper settings. <paramref name="TimeLimitSeconds"/> bounds each of the two solves (primary
/// objective, then its tie-break); <paramref name="Seed"/> fixes the solver's randomness (the search is deterministic).</summary>
public sealed record LayerMapperOptions(MapObjective Objective = MapObjective.Latency, double TimeLimitSeconds = 10, int Seed = 1);
