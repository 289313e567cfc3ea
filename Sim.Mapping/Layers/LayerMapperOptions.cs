namespace Sim.Mapping.Layers;

/// <summary>CP-SAT layer-mapper settings. <paramref name="TimeLimitSeconds"/> bounds the whole call (the primary
/// objective's solve, then its tie-break's in the time left); <paramref name="Seed"/> fixes the solver's randomness
/// (one worker: the search is deterministic whenever it finishes within the limit). <paramref name="DeterministicTimeLimit"/>
/// adds CP-SAT's machine-independent work limit (per solve), so even a search cut short ends at the same point on any machine.</summary>
public sealed record LayerMapperOptions(MapObjective Objective = MapObjective.Latency, double TimeLimitSeconds = 10, int Seed = 1, double? DeterministicTimeLimit = null);
