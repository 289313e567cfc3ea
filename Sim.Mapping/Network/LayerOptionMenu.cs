using Sim.Arch.LoopNest;
using Sim.Core.Mapping;
using Sim.Mapping.Graph;
using Sim.Mapping.Layers;

namespace Sim.Mapping.Network;

/// <summary>
/// Couples the per-op schedule (layer 1) to the graph allocator (layer 2): what the op's mapping needs in the
/// scratchpad besides its input and output tensors, and what DRAM traffic it adds that the tensor-level accounting does
/// not see. With its activations resident, the op reads inputs from the resident copy, so its working set is the
/// double-buffered weight and partial-sum tiles, and its extra traffic is the weight fetches (with refetches) and
/// partial-sum spills of its mapping. Ops without a loop-nest mapping (attention, unmappable layers) are atomic.
/// </summary>
public static class LayerOptionMenu
{
    public static IReadOnlyList<OpOption> For(LayerMapResult? layer, LoopNestHierarchy hierarchy)
    {
        ArgumentNullException.ThrowIfNull(hierarchy);
        if (layer is not { Mapping: { } mapping, Cost: { Feasible: true } cost })
            return [OpOption.Atomic];
        return [Resident(layer.Problem, mapping, cost, hierarchy)];
    }

    public static OpOption Resident(LoopNestProblem problem, LoopNestMapping mapping, LoopNestCost cost, LoopNestHierarchy hierarchy)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(cost);
        ArgumentNullException.ThrowIfNull(hierarchy);
        var working = checked(2 * (cost.ScratchpadTileBytes.Weights + cost.ScratchpadTileBytes.Outputs));
        var finalOutputBytes = checked(problem.Size(DataSpace.Outputs) * hierarchy.WordBytes);
        var extra = checked(cost.DramReadBytes.Weights + cost.DramReadBytes.Outputs + (cost.DramWriteBytes.Outputs - finalOutputBytes));
        return new OpOption($"resident {LoopNestHierarchy.DataflowOf(mapping.Stationary).ToString().ToLowerInvariant()}", working, extra);
    }
}
