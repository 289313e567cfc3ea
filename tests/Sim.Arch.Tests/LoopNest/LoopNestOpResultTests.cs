using CsCheck;
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

    /// <summary>
    /// Random mappings of a 12×6×8 GEMM on a 4×4 array with per-tile overhead and finite bandwidth: for every feasible
    /// one, total = latency, stall ≥ 0, and utilization ≤ compute utilization ≤ mapping efficiency ≤ 1 (MACs =
    /// folds · register steps · used PEs, and each fold takes at least its register steps); word counters times their
    /// width give back the model's bytes.
    /// </summary>
    [Fact]
    public void Result_invariants_hold_for_random_mappings()
    {
        var problem = LoopNestProblem.FromGemm("g", new GemmShape(12, 6, 8));
        var hierarchy = Array(4, 4, scratchpadBytes: 256, dramBytesPerCycle: 2) with { TileOverheadCycles = new DataSpaceValues(6, 6, 3) };
        var divisors = new Dictionary<LoopDim, long[]> { [LoopDim.P] = [1, 2, 3, 4, 6, 12], [LoopDim.K] = [1, 2, 3, 6], [LoopDim.C] = [1, 2, 4, 8] };
        var feasible = 0;
        Gen.Select(Gen.Int[0, 2], Gen.Int.Array[12], Gen.Int[0, 5]).Sample((stationary, picks, order) =>
        {
            // Peel register, rows, cols and scratchpad factors off each GEMM dim; DRAM takes the rest. Register loops
            // only over dims the stationary tensor doesn't use and spatial factors ≤ 2, so most samples can fit.
            var levels = new DimVector[4];
            for (var l = 0; l < 4; l++)
                levels[l] = DimVector.Ones;
            var dram = DimVector.Ones;
            var i = 0;
            foreach (var dim in new[] { LoopDim.P, LoopDim.K, LoopDim.C })
            {
                var rest = problem.Bounds[dim];
                for (var l = 0; l < 4; l++, i++)
                {
                    var options = divisors[dim].Where(d => rest % d == 0
                        && (l != 0 || d == 1 || !DataSpaces.All[stationary].IsRelevant(dim)) && (l is not (1 or 2) || d <= 2)).ToArray();
                    var f = options[(int)((uint)picks[i] % (uint)options.Length)];
                    levels[l] = levels[l].With(dim, f);
                    rest /= f;
                }

                dram = dram.With(dim, rest);
            }

            var orders = new[] { LoopOrders.ReuseInnermost(DataSpace.Weights), LoopOrders.ReuseInnermost(DataSpace.Inputs), LoopOrders.ReuseInnermost(DataSpace.Outputs) };
            var mapping = new LoopNestMapping(DataSpaces.All[stationary], levels[0], [levels[1], levels[2]], levels[3], dram, orders[order % 3], orders[(order + 1) % 3]);
            var cost = LoopNestModel.Evaluate(problem, hierarchy, mapping);
            if (!cost.Feasible)
                return;
            Interlocked.Increment(ref feasible);
            var r = LoopNestOpResult.From(problem, hierarchy, mapping, cost);
            Assert.Equal(cost.LatencyCycles, r.TotalCycles);
            Assert.True(r.StallCycles >= 0);
            Assert.True(r.Utilization <= r.ComputeUtilization + 1e-12 && r.ComputeUtilization <= r.MappingEfficiency + 1e-12 && r.MappingEfficiency <= 1);
            Assert.Equal(cost.ScratchpadReadBytes.Inputs, r.SramReadsIfmapWords * hierarchy.WordBytes);
            Assert.Equal(cost.ScratchpadReadBytes.Outputs, r.SramReadsOfmapWords * hierarchy.PartialSumBytes);
            Assert.Equal(cost.ScratchpadWriteBytes.Outputs, r.SramWritesOfmapWords * hierarchy.PartialSumBytes);
            Assert.Equal(cost.DramBytes, r.DramBytes);
            Assert.Equal(cost.EnergyFj / 1000.0, r.Energy!.TotalPj, 9);
        }, iter: 500);
        Assert.True(feasible > 20, $"only {feasible} feasible mappings sampled");
    }
}
