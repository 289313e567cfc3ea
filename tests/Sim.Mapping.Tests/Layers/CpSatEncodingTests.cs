using CsCheck;
using Sim.Arch.LoopNest;
using Sim.Core.Mapping;
using Sim.Mapping.Layers;
using static Sim.Mapping.Tests.Layers.LayerFixtures;

namespace Sim.Mapping.Tests.Layers;

/// <summary>The CP-SAT encoding, with every decision fixed to one mapping, computes exactly the loop-nest model's
/// latency and energy, and is infeasible exactly when the model says the mapping is.</summary>
public class CpSatEncodingTests
{
    [Fact]
    public void Fixed_mappings_cost_what_the_loop_nest_model_says()
    {
        var problems = new[] { Gemm(3, 1, 4), Gemm(4, 2, 3), Gemm(2, 4, 4), StridedConv(), PointwiseStridedConv() };
        Gen.Select(Gen.Int[0, problems.Length - 1], Gen.Int[1, 3], Gen.Int[1, 3], Gen.Int[0, 2], Gen.Int[0, 1], Gen.Int[0, 1_000_000])
            .Sample((problemIndex, rows, cols, capacityIndex, finite, seed) =>
            {
                var problem = problems[problemIndex];
                var hierarchy = Array(rows, cols, new long[] { 8, 16, 1 << 20 }[capacityIndex], finite == 1 ? 1.5 : double.PositiveInfinity);
                // Redraw (up to 50 times) mappings that overflow the array, so most samples are feasible.
                var random = new Random(seed);
                var mapping = RandomMapping(problem, hierarchy, random);
                for (var retry = 0; retry < 50 && LoopNestModel.Infeasibility(problem, hierarchy, mapping)?.StartsWith("fan-out", StringComparison.Ordinal) == true; retry++)
                    mapping = RandomMapping(problem, hierarchy, random);
                var cost = LoopNestModel.Evaluate(problem, hierarchy, mapping);
                var encoded = CpSatLayerMapper.EvaluateFixed(problem, hierarchy, mapping);
                return cost.Feasible
                    ? encoded == (cost.LatencyCycles, cost.EnergyFj)
                    : encoded is null;
            }, iter: 80);
    }

    [Fact]
    public void Fixed_mappings_under_systolic_layouts_are_infeasible_exactly_when_no_layout_allows_them()
    {
        var problems = new[] { Gemm(4, 2, 3), Gemm(2, 4, 4), StridedConv(), PointwiseStridedConv() };
        var illegal = 0;
        Gen.Select(Gen.Int[0, problems.Length - 1], Gen.Int[1, 3], Gen.Int[1, 3], Gen.Int[0, 1_000_000])
            .Sample((problemIndex, rows, cols, seed) =>
            {
                var problem = problems[problemIndex];
                var hierarchy = Array(rows, cols, 1 << 20, 1.5) with { Layouts = Arch.LoopNest.SpatialLayouts.Systolic };
                var random = new Random(seed);
                var mapping = RandomMapping(problem, hierarchy, random);
                for (var retry = 0; retry < 50 && LoopNestModel.Infeasibility(problem, hierarchy, mapping)?.StartsWith("fan-out", StringComparison.Ordinal) == true; retry++)
                    mapping = RandomMapping(problem, hierarchy, random);
                var cost = LoopNestModel.Evaluate(problem, hierarchy, mapping);
                if (cost.Reason?.StartsWith("spatial", StringComparison.Ordinal) == true)
                    Interlocked.Increment(ref illegal);
                var encoded = CpSatLayerMapper.EvaluateFixed(problem, hierarchy, mapping);
                return cost.Feasible
                    ? encoded == (cost.LatencyCycles, cost.EnergyFj)
                    : encoded is null;
            }, iter: 60, threads: 1);
        Assert.True(illegal > 0, "some sampled unrollings must be illegal");
    }

    [Fact]
    public void A_zero_tile_overhead_is_not_rounded_up_to_one()
    {
        // Regression: on a 1×1 array outputs-stationary tiles have no fill/drain (1 + 1 − 2 = 0) while W/I pay 1 to
        // preload, so folds × overhead may be 0; a product floor of 1 once made this 12-cycle mapping infeasible.
        var problem = Gemm(3, 1, 4);
        var hierarchy = Array(1, 1, 16, 2);
        var mapping = new LoopNestMapping(DataSpace.Outputs, Gemm1(k: 4), [DimVector.Ones, DimVector.Ones], Gemm1(m: 3), DimVector.Ones,
            Mapspace.DimOrder(Mapspace.ClassOrders[0]), Mapspace.DimOrder(Mapspace.ClassOrders[0]));
        var cost = LoopNestModel.Evaluate(problem, hierarchy, mapping);

        Assert.Equal(12, cost.LatencyCycles);
        Assert.Equal((cost.LatencyCycles, cost.EnergyFj), CpSatLayerMapper.EvaluateFixed(problem, hierarchy, mapping));
    }

    private static DimVector Gemm1(long m = 1, long n = 1, long k = 1) => new(1, n, k, m, 1, 1, 1);

    /// <summary>A random factor split of every dim over the slots, stationary tensor and class orders.</summary>
    private static LoopNestMapping RandomMapping(LoopNestProblem problem, LoopNestHierarchy hierarchy, Random random)
    {
        var axes = hierarchy.AxisSizes.Count;
        var slots = Mapspace.SlotCount(axes);
        var splits = LoopDims.All.ToDictionary(d => d, d =>
        {
            var options = Mapspace.FactorSplits(problem.Bounds[d], slots);
            return options[random.Next(options.Count)];
        });
        DimVector Slot(int s) => DimVector.From(d => splits[d][s]);
        return new LoopNestMapping(
            hierarchy.StationaryOptions[random.Next(hierarchy.StationaryOptions.Count)],
            Slot(0), [.. Enumerable.Range(1, axes).Select(Slot)], Slot(axes + 1), Slot(axes + 2),
            Mapspace.DimOrder(Mapspace.ClassOrders[random.Next(6)]), Mapspace.DimOrder(Mapspace.ClassOrders[random.Next(6)]));
    }
}
