using Sim.Arch.LoopNest;
using Sim.Core.Mapping;
using Sim.Core.Workloads;
using Sim.Mapping.Layers;
using static Sim.Mapping.Tests.Layers.LayerFixtures;

namespace Sim.Mapping.Tests.Layers;

/// <summary>Restricting each level's loop order to the 6 orders of relevance classes loses nothing: a brute force over
/// every permutation of the non-trivial loops at each level (the trivial ones cannot matter) finds the same optimum as
/// the class-order mapspace, for every objective.</summary>
public class ClassOrderDominanceTests
{
    public static TheoryData<string, int, int> Cases() => new()
    {
        { "gemm", 2, 2 },
        { "gemm2", 1, 4 },
        { "conv1d", 2, 1 },
        { "conv2d", 1, 2 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Class_orders_reach_the_optimum_over_all_loop_permutations(string name, int rows, int cols)
    {
        var problem = name switch
        {
            "gemm" => Gemm(4, 2, 3),
            "gemm2" => Gemm(2, 4, 4),
            // 5-wide input, 3-tap window, stride 2 → P = 2; two filters: P and R both index the input window.
            "conv1d" => LoopNestProblem.FromConv(new Conv2d("conv1d", 5, 1, 3, 1, 1, 2, 2, 0, 1, [])),
            // 3×3 input, 2×2 window, 2 channels, 2 filters → P = Q = 2, C = R = S = 2: with one column, at least two of
            // {P, Q} and two of {C, R, S} sit at the scratchpad or DRAM level, two non-trivial dims in one class.
            _ => LoopNestProblem.FromConv(new Conv2d("conv2d", 3, 3, 2, 2, 2, 2, 1, 0, 1, [])),
        };
        // A tight scratchpad (16 B) and finite bandwidth make the order decide traffic and latency.
        var hierarchy = Array(rows, cols, 16, 1);
        var allOrders = BruteForceAllPermutations(problem, hierarchy);
        var orderedDistinctly = 0;
        foreach (var objective in Enum.GetValues<MapObjective>())
        {
            var best = allOrders.Select(c => ObjectiveKey.Of(c, objective)).Min();
            var classOrders = ExhaustiveLayerMapper.Map(problem, hierarchy, objective);
            Assert.Equal(best, ObjectiveKey.Of(classOrders.Cost!, objective));
            orderedDistinctly += allOrders.Select(c => ObjectiveKey.Of(c, objective)).Distinct().Count();
        }

        Assert.True(orderedDistinctly > 3, "the cases must have orders that change the cost");
    }

    /// <summary>Every factor split × stationary × every permutation of the non-trivial loops at both levels.</summary>
    private static List<LoopNestCost> BruteForceAllPermutations(LoopNestProblem problem, LoopNestHierarchy hierarchy)
    {
        var slots = Mapspace.SlotCount(2);
        var costs = new List<LoopNestCost>();
        var splits = LoopDims.All.Select(d => Mapspace.FactorSplits(problem.Bounds[d], slots)).ToArray();
        foreach (var combo in Cartesian(splits))
        {
            DimVector Slot(int s) => DimVector.From(d => combo[(int)d][s]);
            var (register, rows, cols, scratchpad, dram) = (Slot(0), Slot(1), Slot(2), Slot(3), Slot(4));
            if (rows.Product > hierarchy.AxisSizes[0] || cols.Product > hierarchy.AxisSizes[1])
                continue;
            foreach (var stationary in hierarchy.StationaryOptions)
            {
                foreach (var scratchpadOrder in Permutations(scratchpad))
                {
                    foreach (var dramOrder in Permutations(dram))
                    {
                        var cost = LoopNestModel.Evaluate(problem, hierarchy,
                            new LoopNestMapping(stationary, register, [rows, cols], scratchpad, dram, scratchpadOrder, dramOrder));
                        if (cost.Feasible)
                            costs.Add(cost);
                    }
                }
            }
        }

        return costs;
    }

    private static IEnumerable<IReadOnlyList<LoopDim>> Permutations(DimVector factors)
    {
        var nonTrivial = LoopDims.All.Where(d => factors[d] > 1).ToList();
        var trivial = LoopDims.All.Where(d => factors[d] == 1).ToList();
        return Permute(nonTrivial).Select(p => (IReadOnlyList<LoopDim>)[.. p, .. trivial]);
    }

    private static IEnumerable<List<LoopDim>> Permute(List<LoopDim> items)
    {
        if (items.Count <= 1)
        {
            yield return items;
            yield break;
        }

        foreach (var first in items)
        {
            foreach (var rest in Permute([.. items.Where(i => i != first)]))
                yield return [first, .. rest];
        }
    }

    private static IEnumerable<long[][]> Cartesian(IReadOnlyList<long[]>[] options)
    {
        IEnumerable<long[][]> acc = [[]];
        foreach (var dimOptions in options)
            acc = acc.SelectMany(prefix => dimOptions.Select(o => (long[][])[.. prefix, o]));
        return acc;
    }
}
