using System.Diagnostics;
using System.Globalization;
using Sim.Arch.LoopNest;
using Sim.Core.Mapping;

namespace Sim.Mapping.Layers;

/// <summary>
/// The reference mapper: every factor split × stationary tensor × class order at the scratchpad and DRAM levels
/// (<see cref="Mapspace"/>), each evaluated with <see cref="LoopNestModel"/>; the first mapping with the smallest
/// <see cref="ObjectiveKey"/> wins. Only exact rules skip work: splits whose spatial factors already exceed an axis
/// (fan-out infeasible whatever follows) or unroll a dim on an axis where no layout allows it (illegal whatever the
/// other dims and the stationary tensor), (split, stationary) pairs that are infeasible (capacity and fan-out do not
/// depend on loop orders), and orders that leave the same sequence of non-trivial loops as an order already evaluated
/// (identical loop nests, so identical costs).
/// </summary>
public static class ExhaustiveLayerMapper
{
    public static LayerMapResult Map(LoopNestProblem problem, LoopNestHierarchy hierarchy, MapObjective objective, long maxMappings = 5_000_000)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(hierarchy);
        var size = Mapspace.Size(problem, hierarchy);
        if (size > maxMappings)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"the mapspace of '{problem.Name}' has {size} mappings, more than the {maxMappings} the exhaustive mapper is allowed"), nameof(problem));

        var clock = Stopwatch.StartNew();
        if (LayerFeasibility.WhyNoMapping(problem, hierarchy) is { } reason)
            return LayerMapResult.Infeasible(problem, reason, clock.Elapsed.TotalSeconds);

        var axes = hierarchy.AxisSizes.Count;
        var slots = Mapspace.SlotCount(axes);
        var splits = LoopDims.All.Select(d => Mapspace.FactorSplits(problem.Bounds[d], slots)).ToArray();
        var chosen = new long[LoopDims.Count][];
        var fanOut = new long[axes];
        // Per axis, the dims some layout allows there (all dims when the hierarchy has no layouts).
        var allowed = Enumerable.Range(0, axes).Select(axis => new HashSet<LoopDim>(hierarchy.Layouts is null
            ? LoopDims.All
            : hierarchy.Layouts.SelectMany(l => l.AxisDims[axis]))).ToArray();
        (LoopNestMapping Mapping, LoopNestCost Cost, ObjectiveKey Key)? best = null;

        void Visit(int dimIndex)
        {
            if (dimIndex == LoopDims.Count)
            {
                EvaluateSplit();
                return;
            }

            foreach (var split in splits[dimIndex])
            {
                var fits = true;
                for (var axis = 0; axis < axes && fits; axis++)
                {
                    fits = fanOut[axis] * split[1 + axis] <= hierarchy.AxisSizes[axis]
                        && (split[1 + axis] == 1 || allowed[axis].Contains(LoopDims.All[dimIndex]));
                }
                if (!fits)
                    continue;
                for (var axis = 0; axis < axes; axis++)
                    fanOut[axis] *= split[1 + axis];
                chosen[dimIndex] = split;
                Visit(dimIndex + 1);
                for (var axis = 0; axis < axes; axis++)
                    fanOut[axis] /= split[1 + axis];
            }
        }

        void EvaluateSplit()
        {
            DimVector Slot(int s) => DimVector.From(d => chosen[(int)d][s]);
            var register = Slot(0);
            IReadOnlyList<DimVector> spatial = [.. Enumerable.Range(1, axes).Select(Slot)];
            var scratchpad = Slot(axes + 1);
            var dram = Slot(axes + 2);
            var scratchpadOrders = DistinctOrders(scratchpad);
            var dramOrders = DistinctOrders(dram);
            foreach (var stationary in hierarchy.StationaryOptions)
            {
                // Feasibility does not depend on the loop orders: test it once per (split, stationary).
                var probe = new LoopNestMapping(stationary, register, spatial, scratchpad, dram, scratchpadOrders[0], dramOrders[0]);
                if (LoopNestModel.Infeasibility(problem, hierarchy, probe) is not null)
                    continue;
                foreach (var scratchpadOrder in scratchpadOrders)
                {
                    foreach (var dramOrder in dramOrders)
                    {
                        var mapping = new LoopNestMapping(stationary, register, spatial, scratchpad, dram, scratchpadOrder, dramOrder);
                        var cost = LoopNestModel.Evaluate(problem, hierarchy, mapping);
                        if (!cost.Feasible)
                            continue;
                        var key = ObjectiveKey.Of(cost, objective);
                        if (best is null || key < best.Value.Key)
                            best = (mapping, cost, key);
                    }
                }
            }
        }

        for (var axis = 0; axis < axes; axis++)
            fanOut[axis] = 1;
        Visit(0);
        var seconds = clock.Elapsed.TotalSeconds;
        if (best is not { } found)
            throw new InvalidOperationException($"'{problem.Name}': no feasible mapping although the all-DRAM mapping should be (a bug)");
        var value = (double)found.Key.Primary;
        return new LayerMapResult(problem, MapStatus.Optimal, found.Mapping, found.Cost, value, value, 0, seconds, null);
    }

    /// <summary>The class orders that differ in their sequence of non-trivial classes (the others repeat a loop nest).</summary>
    private static List<IReadOnlyList<LoopDim>> DistinctOrders(DimVector factors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var orders = new List<IReadOnlyList<LoopDim>>();
        foreach (var classOrder in Mapspace.ClassOrders)
        {
            var key = string.Concat(classOrder.Where(c => Mapspace.Classes[c].Any(d => factors[d] > 1)));
            if (seen.Add(key))
                orders.Add(Mapspace.DimOrder(classOrder));
        }

        return orders;
    }
}
