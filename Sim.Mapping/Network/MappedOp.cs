using Sim.Arch.LoopNest;
using Sim.Core.Workloads;
using Sim.Mapping.Layers;

namespace Sim.Mapping.Network;

/// <summary>One op of the network with its layer mapping (null for ops with their own model, e.g. attention), whether
/// the mapping was reused from an identical layer mapped earlier, and the cost of the best heuristic schedule
/// (<see cref="GreedyMappings"/>: classic dataflow unrollings, greedy tiling) — the yardstick the optimum is quoted against.</summary>
/// <see cref="LayerMapResult.Cost"/> and <see cref="Heuristic"/> are one instance's; <see cref="Cost"/> and
/// <see cref="HeuristicCost"/> the whole op's (× <see cref="Sim.Core.Mapping.LoopNestProblem.Instances"/>).
public sealed record MappedOp(Op Op, LayerMapResult? Layer, bool Reused, LoopNestCost? Heuristic = null)
{
    public LoopNestCost? Cost => Layer?.Cost?.Repeated(Layer.Problem.Instances);

    public LoopNestCost? HeuristicCost => Heuristic?.Repeated(Layer?.Problem.Instances ?? 1);
}
