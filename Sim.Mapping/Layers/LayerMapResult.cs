using Sim.Arch.LoopNest;
using Sim.Core.Mapping;

namespace Sim.Mapping.Layers;

/// <summary>
/// The outcome of mapping one layer. <see cref="ObjectiveValue"/> and <see cref="BestBound"/> are the PRIMARY
/// objective's (cycles, fJ or fJ·cycles); <see cref="GapPercent"/> = 100·(objective − bound)/objective.
/// <see cref="Cost"/> is <see cref="LoopNestModel"/>'s evaluation of <see cref="Mapping"/>.
/// </summary>
public sealed record LayerMapResult(
    LoopNestProblem Problem,
    MapStatus Status,
    LoopNestMapping? Mapping,
    LoopNestCost? Cost,
    double ObjectiveValue,
    double BestBound,
    double GapPercent,
    double SolveSeconds,
    string? Reason)
{
    internal static LayerMapResult Infeasible(LoopNestProblem problem, string reason, double seconds) =>
        new(problem, MapStatus.Infeasible, null, null, double.NaN, double.NaN, double.NaN, seconds, reason);
}
