using Sim.Arch.LoopNest;
using Sim.Core.Workloads;
using Sim.Mapping.Layers;

namespace Sim.Mapping.Network;

/// <summary>One op of the network with its layer mapping (null for ops with their own model, e.g. attention), whether
/// the mapping was reused from an identical layer mapped earlier, and the cost of the best heuristic schedule
/// (<see cref="GreedyMappings"/>: classic dataflow unrollings, greedy tiling) — the yardstick the optimum is quoted against.</summary>
public sealed record MappedOp(Op Op, LayerMapResult? Layer, bool Reused, LoopNestCost? Heuristic = null);
