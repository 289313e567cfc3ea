using Sim.Mapping.Graph;

namespace Sim.Mapping.Tests.Graph;

public class OrderTests
{
    /// <summary>No-spill peak of an order, recomputed naively: a tensor is live from its first to its last use.</summary>
    private static long NaivePeak(TensorGraph graph, int[] order)
    {
        var step = new int[order.Length];
        for (var s = 0; s < order.Length; s++)
            step[order[s]] = s;
        return Enumerable.Range(0, order.Length).Max(s =>
            graph.Tensors.Where(t =>
            {
                var uses = t.Consumers.Select(c => step[c]).Concat(t.Producer is { } p ? [step[p]] : []).ToList();
                return uses.Min() <= s && s <= uses.Max();
            }).Sum(t => t.SizeBytes) + graph.Operators[order[s]].Options.Min(o => o.WorkingBytes));
    }

    [Fact]
    public void Exact_min_peak_order_equals_the_best_of_all_topological_orders()
    {
        for (var seed = 1; seed <= 12; seed++)
        {
            var graph = GraphFixtures.Random(100 + seed, 7);
            var best = BruteForceAllocator.TopologicalOrders(graph).Min(o => NaivePeak(graph, o));
            var found = MinPeakOrder.Find(graph);
            Assert.True(found.Exact);
            Assert.True(graph.IsTopological(found.Order));
            Assert.Equal(best, found.PeakBytes);
            Assert.Equal(best, NaivePeak(graph, [.. found.Order]));
        }
    }

    [Fact]
    public void Greedy_order_is_topological_and_reports_its_own_peak()
    {
        var graph = GraphFixtures.Random(5, 30);
        var greedy = MinPeakOrder.Find(graph, exactMaxOps: 0);
        Assert.False(greedy.Exact);
        Assert.True(graph.IsTopological(greedy.Order));
        Assert.Equal(NaivePeak(graph, [.. greedy.Order]), greedy.PeakBytes);
    }

    [Fact]
    public void Joint_model_equals_the_brute_force_over_all_orders()
    {
        var compared = 0;
        for (var seed = 1; seed <= 8; seed++)
        {
            var graph = GraphFixtures.Random(200 + seed, 5);
            var budgets = GraphBudgets.Of(graph);
            var budget = budgets.MinRequiredBytes;
            var expected = BruteForceAllocator.AnyOrder(graph, budget);
            var joint = GraphAllocator.Solve(graph, GraphFixtures.Options(budget, OrderMode.Joint));
            if (!GraphFixtures.AssertSameAsBruteForce(graph, budget, expected, joint, $"seed {seed}"))
                continue;
            compared++;
        }

        Assert.True(compared >= 6, $"only {compared} feasible comparisons");
    }

    [Fact]
    public void Joint_and_window_are_never_worse_than_the_fixed_orders_they_start_from()
    {
        for (var seed = 1; seed <= 4; seed++)
        {
            var graph = GraphFixtures.Random(300 + seed, 6);
            var budget = GraphBudgets.Of(graph).MinRequiredBytes;
            var minPeak = GraphAllocator.Solve(graph, GraphFixtures.Options(budget, OrderMode.MinPeak));
            var given = GraphAllocator.Solve(graph, GraphFixtures.Options(budget));
            var joint = GraphAllocator.Solve(graph, GraphFixtures.Options(budget, OrderMode.Joint));
            var window = GraphAllocator.Solve(graph, GraphFixtures.Options(budget, OrderMode.Window) with { WindowOps = 4 });
            foreach (var r in new[] { minPeak, given, joint, window })
                GraphFixtures.AssertValid(graph, r, budget);
            Assert.True(joint.ObjectiveBytes <= Math.Min(minPeak.ObjectiveBytes, given.ObjectiveBytes));
            Assert.True(window.ObjectiveBytes <= minPeak.ObjectiveBytes);
            Assert.True(joint.ObjectiveBytes <= window.ObjectiveBytes);
        }
    }
}
