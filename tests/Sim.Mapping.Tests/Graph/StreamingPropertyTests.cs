using CsCheck;
using Sim.Mapping.Graph;

namespace Sim.Mapping.Tests.Graph;

/// <summary>Invariants of streamed options over seeded random graphs (CsCheck draws the seed and size; a failure prints its replay seed).</summary>
public class StreamingPropertyTests
{
    private const int Iterations = 20;

    private static readonly Gen<(int Seed, int Ops)> Graphs = Gen.Select(Gen.Int[1, 100_000], Gen.Int[3, 8]);

    [Fact]
    public void Adding_streamed_options_never_increases_the_optimum_nor_loses_a_feasible_budget() =>
        Graphs.Sample(p =>
        {
            var streaming = GraphFixtures.RandomStreaming(p.Seed, p.Ops);
            var resident = GraphFixtures.WithoutStreaming(streaming);
            var withBudgets = GraphBudgets.Of(streaming);
            var without = GraphBudgets.Of(resident);
            Assert.True(withBudgets.MinRequiredBytes <= without.MinRequiredBytes);
            Assert.Equal(without.GivenOrderPeakBytes, withBudgets.GivenOrderPeakBytes);
            if (withBudgets.MinRequiredBytes > 1)
                Assert.Equal(AllocationStatus.Infeasible, GraphAllocator.Solve(streaming, GraphFixtures.Options(withBudgets.MinRequiredBytes - 1)).Status);
            var step = Math.Max(1, (without.GivenOrderPeakBytes - withBudgets.MinRequiredBytes) / 4);
            for (var budget = Math.Max(1, withBudgets.MinRequiredBytes); budget <= without.GivenOrderPeakBytes; budget += step)
            {
                var a = GraphAllocator.Solve(resident, GraphFixtures.Options(budget));
                var b = GraphAllocator.Solve(streaming, GraphFixtures.Options(budget));
                if (b.HasSolution)
                {
                    GraphFixtures.AssertValid(streaming, b, budget);
                    Assert.Equal(AllocationStatus.Optimal, b.Status);
                }

                if (a.HasSolution)
                {
                    Assert.True(b.HasSolution, $"budget {budget}: feasible without streamed options, not with them");
                    Assert.True(b.ObjectiveBytes <= a.ObjectiveBytes, $"budget {budget}: {b.ObjectiveBytes} with streamed options > {a.ObjectiveBytes} without");
                }

                var baseline = GreedyArenaBelady.Solve(streaming, GraphFixtures.Options(budget));
                if (baseline.HasSolution)
                {
                    GraphFixtures.AssertValid(streaming, baseline, budget);
                    Assert.True(b.HasSolution && b.ObjectiveBytes <= baseline.ObjectiveBytes, $"budget {budget}: ilp {b.ObjectiveBytes} > baseline {baseline.ObjectiveBytes}");
                }
            }

            return true;
        }, iter: Iterations, threads: 1);
}
