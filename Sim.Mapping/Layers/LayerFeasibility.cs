using System.Globalization;
using Sim.Arch.LoopNest;
using Sim.Core.Mapping;

namespace Sim.Mapping.Layers;

/// <summary>
/// Whether a layer has any mapping at all. The all-DRAM mapping (every factor at the DRAM level) has 1-element tiles
/// and 1-word registers, so it is feasible unless a partition cannot hold one element or a PE one word — the exact
/// condition, checked before any search so "infeasible" always comes with its reason.
/// </summary>
public static class LayerFeasibility
{
    public static string? WhyNoMapping(LoopNestProblem problem, LoopNestHierarchy hierarchy)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(hierarchy);
        if (hierarchy.StationaryOptions.Count == 0)
            return "no mapping fits: the PE array allows no stationary tensor";
        if (hierarchy.Layouts is { } layouts && !layouts.Any(l => hierarchy.StationaryOptions.Contains(l.Stationary)))
            return "no mapping fits: no spatial layout of the PE array holds a tensor it may keep stationary";
        if (hierarchy.RegisterWords < 1)
            return string.Create(CultureInfo.InvariantCulture, $"no mapping fits: each PE holds {hierarchy.RegisterWords} words, one is needed");
        foreach (var space in DataSpaces.All)
        {
            var width = space == DataSpace.Outputs ? hierarchy.PartialSumBytes : hierarchy.WordBytes;
            var smallest = checked(problem.Footprint(space, DimVector.Ones) * width);
            if (smallest > hierarchy.ScratchpadBytes[space])
                return string.Create(CultureInfo.InvariantCulture,
                    $"no mapping fits: the smallest {space.ToName()} tile needs {smallest} B, the partition has {hierarchy.ScratchpadBytes[space]} B");
        }

        return null;
    }

    /// <summary>Every factor at the DRAM level; feasible whenever <see cref="WhyNoMapping"/> is null and some layout (if
    /// the hierarchy has layouts) holds <paramref name="stationary"/> (no dim is unrolled, so any such layout allows it).</summary>
    public static LoopNestMapping AllAtDram(LoopNestProblem problem, LoopNestHierarchy hierarchy, DataSpace stationary)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(hierarchy);
        return new LoopNestMapping(stationary, DimVector.Ones, [.. hierarchy.AxisSizes.Select(_ => DimVector.Ones)], DimVector.Ones,
            problem.Bounds, Mapspace.DimOrder(Mapspace.ClassOrders[0]), Mapspace.DimOrder(Mapspace.ClassOrders[0]));
    }
}
