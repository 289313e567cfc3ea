using Sim.Arch.LoopNest;
using Sim.Core.Mapping;

namespace Sim.Mapping.Layers;

/// <summary>
/// A handful of quick, feasible schedules (the CP-SAT mapper's starting hint; never a result by themselves): for each
/// stationary tensor, fill the array axes with prime factors of the dims a classic dataflow unrolls there (on a
/// hierarchy with layouts: the dims each layout allows on each axis), optionally
/// stream the stationary tensor's irrelevant dims in the PE, grow the scratchpad tile while it fits, leave the rest to
/// DRAM, and give the stationary tensor the innermost reuse at both levels.
/// </summary>
public static class GreedyMappings
{
    public static (LoopNestMapping Mapping, LoopNestCost Cost) Best(LoopNestProblem problem, LoopNestHierarchy hierarchy, MapObjective objective)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(hierarchy);
        return Candidates(problem, hierarchy)
            .Select(m => (Mapping: m, Cost: LoopNestModel.Evaluate(problem, hierarchy, m)))
            .Where(c => c.Cost.Feasible)
            .MinBy(c => ObjectiveKey.Of(c.Cost, objective));
    }

    public static IEnumerable<LoopNestMapping> Candidates(LoopNestProblem problem, LoopNestHierarchy hierarchy)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(hierarchy);
        foreach (var stationary in hierarchy.StationaryOptions)
        {
            yield return LayerFeasibility.AllAtDram(problem, hierarchy, stationary);
            var preferences = hierarchy.Layouts is { } layouts
                ? layouts.Where(l => l.Stationary == stationary).Select(LayoutPreferences).ToList()
                : [AxisPreferences(stationary, false), AxisPreferences(stationary, true)];
            foreach (var streamInPe in new[] { true, false })
            {
                foreach (var preference in preferences)
                    yield return Build(problem, hierarchy, stationary, streamInPe, preference);
            }
        }
    }

    private static LoopNestMapping Build(LoopNestProblem problem, LoopNestHierarchy hierarchy, DataSpace stationary, bool streamInPe, List<LoopDim[]> preferences)
    {
        var axes = hierarchy.AxisSizes.Count;
        var slots = Mapspace.SlotCount(axes);
        var factors = LoopDims.All.ToDictionary(d => d, _ => Enumerable.Repeat(1L, slots).ToArray());
        var remaining = LoopDims.All.ToDictionary(d => d, d => Mapspace.PrimeFactors(problem.Bounds[d])
            .SelectMany(f => Enumerable.Repeat(f.Prime, f.Exponent)).OrderDescending().ToList());
        var order = Mapspace.DimOrder(Mapspace.ClassOrders.First(o => o[2] == Mapspace.IrrelevantClass(stationary)));

        LoopNestMapping Current()
        {
            DimVector Slot(int s) => DimVector.From(d => factors[d][s]);
            var dram = DimVector.From(d => remaining[d].Aggregate(1L, (a, p) => a * p));
            return new LoopNestMapping(stationary, Slot(0), [.. Enumerable.Range(1, axes).Select(Slot)], Slot(axes + 1), dram, order, order);
        }

        void Place(LoopDim dim, int slot, Func<bool> accept)
        {
            foreach (var prime in remaining[dim].ToList())
            {
                factors[dim][slot] *= prime;
                remaining[dim].Remove(prime);
                if (accept())
                    continue;
                factors[dim][slot] /= prime;
                remaining[dim].Add(prime);
                remaining[dim].Sort((a, b) => b.CompareTo(a));
            }
        }

        bool Feasible() => LoopNestModel.Infeasibility(problem, hierarchy, Current()) is null;

        for (var axis = 0; axis < axes; axis++)
        {
            foreach (var dim in preferences[Math.Min(axis, preferences.Count - 1)])
                Place(dim, 1 + axis, Feasible);
        }

        if (streamInPe)
        {
            foreach (var dim in LoopDims.All.Where(d => !stationary.IsRelevant(d)))
                Place(dim, 0, Feasible);
        }

        foreach (var dim in LoopDims.All.Where(d => !stationary.IsRelevant(d)).Concat(LoopDims.All.Where(d => stationary.IsRelevant(d))))
            Place(dim, axes + 1, Feasible);
        return Current();
    }

    /// <summary>A layout's dims per axis, output pixels first, then the reduction, then output channels.</summary>
    private static List<LoopDim[]> LayoutPreferences(SpatialLayout layout)
    {
        LoopDim[] preference = [LoopDim.P, LoopDim.Q, LoopDim.N, LoopDim.C, LoopDim.R, LoopDim.S, LoopDim.K];
        return [.. layout.AxisDims.Select(dims => preference.Where(dims.Contains).ToArray())];
    }

    /// <summary>Dims unrolled on rows, then cols (SCALE-Sim's dataflows: OS puts M, N; WS/IS put the reduction on rows).</summary>
    private static List<LoopDim[]> AxisPreferences(DataSpace stationary, bool swap)
    {
        LoopDim[] reduction = [LoopDim.C, LoopDim.R, LoopDim.S];
        LoopDim[] outputs = [LoopDim.P, LoopDim.Q, LoopDim.N];
        LoopDim[] channels = [LoopDim.K];
        List<LoopDim[]> list = stationary switch
        {
            DataSpace.Outputs => [outputs, channels],
            DataSpace.Weights => [reduction, channels],
            _ => [reduction, outputs],
        };
        if (swap)
            list.Reverse();
        list.Add([.. LoopDims.All]);
        return list;
    }
}
