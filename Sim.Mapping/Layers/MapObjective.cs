namespace Sim.Mapping.Layers;

/// <summary>What a layer mapper minimises. Each objective has a fixed tie-break, so its optimum is a pair of integers:
/// Latency → (latency cycles, energy fJ); Energy → (energy fJ, latency cycles); Edp → (energy × latency, latency).</summary>
public enum MapObjective
{
    Latency,
    Energy,
    Edp,
}

/// <summary>Optimal: proven; Feasible: a mapping, not proven optimal (time limit); Infeasible: no mapping exists
/// (<see cref="LayerMapResult.Reason"/> says why); Unknown: time limit hit with no mapping.</summary>
public enum MapStatus
{
    Optimal,
    Feasible,
    Infeasible,
    Unknown,
}
