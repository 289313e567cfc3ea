using CsCheck;
using Sim.Mapping.Graph;

namespace Sim.Mapping.Tests.Graph;

/// <summary>Invariants over seeded random graphs (CsCheck draws the graph seed and size; a failure prints its replay seed).</summary>
public class AllocationPropertyTests
{
    private const int Iterations = 25;

    private static readonly Gen<(int Seed, int Ops)> Graphs = Gen.Select(Gen.Int[1, 100_000], Gen.Int[3, 9]);

    [Fact]
    public void A_budget_at_the_fixed_order_peak_needs_no_traffic() =>
        Graphs.Sample(p =>
        {
            var graph = GraphFixtures.Random(p.Seed, p.Ops, withOptions: false);
            var peak = GraphBudgets.Of(graph).GivenOrderPeakBytes;
            var result = GraphAllocator.Solve(graph, GraphFixtures.Options(peak));
            GraphFixtures.AssertValid(graph, result, peak);
            return result.Status == AllocationStatus.Optimal && result.ObjectiveBytes == 0;
        }, iter: Iterations, threads: 1);

    [Fact]
    public void Below_the_largest_operator_need_is_infeasible() =>
        Graphs.Sample(p =>
        {
            var graph = GraphFixtures.Random(p.Seed, p.Ops);
            var budget = GraphBudgets.Of(graph).MinRequiredBytes - 1;
            return budget < 1
                || (GraphAllocator.Solve(graph, GraphFixtures.Options(budget)).Status == AllocationStatus.Infeasible
                    && GreedyArenaBelady.Solve(graph, GraphFixtures.Options(budget)).Status == AllocationStatus.Infeasible);
        }, iter: Iterations, threads: 1);

    [Fact]
    public void Objective_does_not_increase_with_the_budget_and_never_exceeds_the_baseline() =>
        Graphs.Sample(p =>
        {
            var graph = GraphFixtures.Random(p.Seed, p.Ops);
            var budgets = GraphBudgets.Of(graph);
            long? previous = null;
            for (var budget = budgets.MinRequiredBytes; budget <= budgets.GivenOrderPeakBytes + 1; budget += Math.Max(1, (budgets.GivenOrderPeakBytes - budgets.MinRequiredBytes) / 4))
            {
                var ilp = GraphAllocator.Solve(graph, GraphFixtures.Options(budget));
                var baseline = GreedyArenaBelady.Solve(graph, GraphFixtures.Options(budget));
                if (ilp.HasSolution)
                {
                    GraphFixtures.AssertValid(graph, ilp, budget);
                    Assert.Equal(AllocationStatus.Optimal, ilp.Status);
                    Assert.True(previous is null || ilp.ObjectiveBytes <= previous, $"budget {budget}: {ilp.ObjectiveBytes} after {previous}");
                    previous = ilp.ObjectiveBytes;
                }
                else
                    Assert.Null(previous); // once feasible, a larger budget stays feasible

                if (baseline.HasSolution)
                {
                    GraphFixtures.AssertValid(graph, baseline, budget);
                    Assert.True(ilp.HasSolution && ilp.ObjectiveBytes <= baseline.ObjectiveBytes, $"budget {budget}: ilp {ilp.ObjectiveBytes} > baseline {baseline.ObjectiveBytes}");
                }
            }

            return true;
        }, iter: Iterations, threads: 1);

    [Fact]
    public void Validator_rejects_a_tampered_allocation()
    {
        var graph = GraphFixtures.Diamond();
        var good = GraphAllocator.Solve(graph, GraphFixtures.Options(9));
        GraphFixtures.AssertValid(graph, good, 9);
        var t2 = good.Runs.Single(r => r.TensorId == 3);
        var clash = good.Runs.First(r => r.TensorId != 3 && r.StartStep < t2.EndStep && t2.StartStep < r.EndStep);
        var moved = good with { Runs = [.. good.Runs.Select(r => r == t2 ? r with { AddressBytes = clash.AddressBytes } : r)] };
        Assert.Contains(AllocationValidator.Validate(graph, moved, 9), p => p.Contains("overlap", StringComparison.Ordinal));
        var cheap = good with { ReloadBytes = 0 };
        Assert.Contains(AllocationValidator.Validate(graph, cheap, 9), p => p.StartsWith("reload", StringComparison.Ordinal));
        var missing = good with { Runs = [.. good.Runs.Where(r => r.TensorId != 3)] };
        Assert.Contains(AllocationValidator.Validate(graph, missing, 9), p => p.Contains("covered by 0 runs", StringComparison.Ordinal));
        Assert.Contains(AllocationValidator.Validate(graph, good, 8), p => p.Contains("outside the 8-byte scratchpad", StringComparison.Ordinal));
    }
}
