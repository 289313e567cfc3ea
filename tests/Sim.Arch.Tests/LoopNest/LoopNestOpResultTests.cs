using Sim.Arch.LoopNest;
using Sim.Core.Mapping;
using Sim.Core.Results;
using Sim.Core.Workloads;
using static Sim.Arch.Tests.LoopNest.LoopNestFixtures;

namespace Sim.Arch.Tests.LoopNest;

public class LoopNestOpResultTests
{
    // LoopNestModelTests' hand-derived case: GEMM M=8, N=4, K=6, weights stationary, rows ← K/3, cols ← N/2.
    private static readonly LoopNestProblem s_problem = LoopNestProblem.FromGemm("g", new GemmShape(8, 4, 6));
    private static readonly LoopNestMapping s_mapping = Mapping(DataSpace.Weights, Gemm(m: 8), Gemm(k: 2), Gemm(n: 2), Gemm(n: 2, k: 3), DimVector.Ones);

    [Fact]
    public void Every_counter_comes_from_the_cost_by_hand()
    {
        var hierarchy = Array(2, 2);
        var r = LoopNestOpResult.From(s_problem, hierarchy, s_mapping, LoopNestModel.Evaluate(s_problem, hierarchy, s_mapping));

        Assert.Equal(("g", 192L, 48L, 0L, 48L, 6L), (r.Op, r.Macs, r.ComputeCycles, r.StallCycles, r.TotalCycles, r.Folds));
        Assert.Equal((1.0, 1.0, 1.0), (r.Utilization, r.ComputeUtilization, r.MappingEfficiency));
        // Scratchpad: inputs 96 B and weights 24 B read at 1 B a word; outputs 384 B written and read at 4 B a partial sum.
        Assert.Equal((96L, 24L, 96L, 96L), (r.SramReadsIfmapWords, r.SramReadsFilterWords, r.SramWritesOfmapWords, r.SramReadsOfmapWords));
        Assert.Equal((48L, 24L, 32L, 0L), (r.DramReadsIfmapBytes, r.DramReadsFilterBytes, r.DramWritesOfmapBytes, r.DramReadsOfmapBytes));
        Assert.Equal(0, r.AccumulatorAccessBytes);
        // 1 fJ per MAC and per byte: 192 MACs, 504 + 456 scratchpad bytes, 104 DRAM bytes.
        Assert.Equal(new EnergyBreakdown(0.192, 0, 0.96, 0.104), r.Energy);
    }

    [Fact]
    public void A_dram_bound_layer_stalls_for_the_excess_and_a_half_used_array_shows_in_mapping_efficiency()
    {
        // 1 B/cycle: 104 DRAM bytes take 104 cycles against 48 of compute; a 4×2 array: the mapping uses 2×2 of 8 PEs.
        var hierarchy = Array(4, 2, dramBytesPerCycle: 1);
        var r = LoopNestOpResult.From(s_problem, hierarchy, s_mapping, LoopNestModel.Evaluate(s_problem, hierarchy, s_mapping));

        Assert.Equal((48L, 56L, 104L), (r.ComputeCycles, r.StallCycles, r.TotalCycles));
        Assert.Equal(192 / (104.0 * 8), r.Utilization);
        Assert.Equal(192 / (48.0 * 8), r.ComputeUtilization);
        Assert.Equal(0.5, r.MappingEfficiency);
    }

    [Fact]
    public void An_infeasible_cost_has_no_result()
    {
        var hierarchy = Array(1, 1);
        var cost = LoopNestModel.Evaluate(s_problem, hierarchy, s_mapping with { Spatial = [DimVector.Ones, DimVector.Ones], Register = Gemm(m: 8, n: 2, k: 2) });
        Assert.False(cost.Feasible);
        var e = Assert.Throws<ArgumentException>(() => LoopNestOpResult.From(s_problem, hierarchy, s_mapping, cost));
        Assert.Contains("register", e.Message, StringComparison.Ordinal);
    }
}
