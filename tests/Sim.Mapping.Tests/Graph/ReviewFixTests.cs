using Sim.Core.Workloads;
using Sim.Mapping.Graph;

namespace Sim.Mapping.Tests.Graph;

/// <summary>Pins the graph allocator's review fixes: each test fails on the code before its fix.</summary>
public class ReviewFixTests
{
    [Fact]
    public void A_huge_scratchpad_solves_like_the_peak_and_beyond_2_pow_50_is_rejected()
    {
        var graph = GraphFixtures.Diamond();
        foreach (var mode in new[] { OrderMode.Given, OrderMode.Joint, OrderMode.Window })
        {
            var huge = GraphAllocator.Solve(graph, GraphFixtures.Options(GraphAllocatorOptions.MaxScratchpadBytes, mode) with { AlignmentBytes = 3 });
            GraphFixtures.AssertValid(graph, huge, GraphAllocatorOptions.MaxScratchpadBytes, 3);
            Assert.Equal((AllocationStatus.Optimal, 0L), (huge.Status, huge.ObjectiveBytes));
        }

        Assert.Equal(0, GreedyArenaBelady.Solve(new ScheduleView(graph, graph.GivenOrder), GraphAllocatorOptions.MaxScratchpadBytes).ObjectiveBytes);
        // Everything at once: 1 + 4·3 + 1 tensor bytes, no working buffers.
        Assert.Equal(14, ScheduleView.CapacityGranules(graph, GraphAllocatorOptions.MaxScratchpadBytes, 1));
        var tooBig = Assert.Throws<ArgumentException>(() => GraphAllocator.Solve(graph, GraphFixtures.Options(GraphAllocatorOptions.MaxScratchpadBytes + 1)));
        Assert.Contains("at most 2^50 bytes", tooBig.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_op_without_inputs_loads_its_operand_as_a_graph_input()
    {
        var workload = new Workload("two", [new Gemm("a", 4, 8, 16, []), new Gemm("b", 4, 2, 8, ["a"])]);
        var graph = TensorGraphBuilder.From(workload, 2);
        var input = graph.Tensors.Single(t => t.Name == "a.in");
        Assert.Equal((TensorOrigin.GraphInput, 4L * 16 * 2), (input.Origin, input.SizeBytes));
        Assert.Equal([input.Id], graph.Operators[0].Inputs);
        var result = GraphAllocator.Solve(graph, GraphFixtures.Options(1000));
        Assert.Equal(128, result.CompulsoryReadBytes);
    }

    [Fact]
    public void Streamed_reads_of_resnet50_cost_the_consumers_operand()
    {
        var graph = TensorGraphBuilder.From(TensorGraphTests.Resnet50(), 1);
        long Reads(string consumer, string tensor) =>
            graph.Operators.Single(o => o.Name == consumer).ReadBytes(graph.Tensors.Single(t => t.Name == tensor).Id);
        Assert.Equal(802_816, graph.Tensors.Single(t => t.Name == "conv1").SizeBytes);
        Assert.Equal(200_704, Reads("layer1.0.conv1", "conv1")); // 56·56·64 after the implicit max-pool
        var fcInput = graph.Operators.Single(o => o.Name == "fc").Inputs.Single();
        Assert.Equal((100_352L, 2_048L), (graph.Tensors[fcInput].SizeBytes, Reads("fc", graph.Tensors[fcInput].Name))); // 7·7·2048, pooled
        Assert.Equal(150_528, Reads("conv1", "image"));
    }

    [Fact]
    public void A_streamed_read_of_part_of_a_tensor_is_charged_that_part_reloads_the_whole()
    {
        // x(1) → p → a(4); q streams (3-byte buffer) reading 1 byte of a → b(1); r reads a and b → c(1). At 6 bytes q's
        // step cannot hold a beside its buffer (4 + 3 + 1 > 6), so a is spilled (4), streamed to q (1 byte, its read),
        // and reloaded whole for r (4): 9 — charging the streamed read the whole tensor would give 12.
        var graph = new TensorGraph(
            [new("x", 1), new("a", 4), new("b", 1), new("c", 1)],
            [
                new("p", [0], [1]),
                new("q", [1], [2], [new OpOption("stream", 3, 0, Streamed: true)], [1]),
                new("r", [1, 2], [3]),
            ]);
        Assert.Equal(1, graph.Operators[1].ReadBytes(1));
        var result = GraphAllocator.Solve(graph, GraphFixtures.Options(6));
        GraphFixtures.AssertValid(graph, result, 6);
        Assert.Equal((AllocationStatus.Optimal, 4L, 1L, 4L, 9L), (result.Status, result.SpillBytes, result.StreamReadBytes, result.ReloadBytes, result.ObjectiveBytes));
        Assert.Equal(9, BruteForceAllocator.FixedOrder(graph, graph.GivenOrder, 6));
        Assert.Equal(9, GreedyArenaBelady.Solve(graph, GraphFixtures.Options(6)).ObjectiveBytes);

        // x(1) → p (may stream) → a(8) → q (stream only, reads 3 bytes of a) → b(2), a graph output, at 1 byte: a never
        // fits, so p streams it out (8) and q streams 3 bytes of it back; b's write is compulsory.
        var chain = new TensorGraph(
            [new("x", 1), new("a", 8), new("b", 2)],
            [new("p", [0], [1], [OpOption.Atomic, new OpOption("stream", 0, 0, Streamed: true)]), new("q", [1], [2], [new OpOption("stream", 0, 0, Streamed: true)], [3])]);
        var tight = GraphAllocator.Solve(chain, GraphFixtures.Options(1));
        GraphFixtures.AssertValid(chain, tight, 1);
        Assert.Equal((8L, 3L, 11L), (tight.StreamWriteBytes, tight.StreamReadBytes, tight.ObjectiveBytes));
        Assert.Equal(11, BruteForceAllocator.FixedOrder(chain, chain.GivenOrder, 1));
        Assert.Throws<ArgumentException>(() => new TensorGraph([new("x", 2), new("a", 1)], [new("p", [0], [1], null, [1])])); // graph inputs are read whole
        Assert.Throws<ArgumentException>(() => new TensorGraph([new("x", 2), new("a", 1), new("b", 1)], [new("p", [0], [1]), new("q", [1], [2], null, [2])]));
    }

    [Fact]
    public void A_consumer_of_two_outputs_of_one_producer_is_not_a_cycle()
    {
        var graph = new TensorGraph([new("x", 1), new("a", 2), new("b", 3), new("c", 1)], [new("op0", [0], [1, 2]), new("op1", [1, 2], [3])]);
        Assert.Equal([1], graph.Tensors[1].Consumers);
        Assert.Equal(0, GraphAllocator.Solve(graph, GraphFixtures.Options(6)).ObjectiveBytes);
    }

    [Fact]
    public void Window_search_claims_no_bound_unless_it_reaches_zero()
    {
        var graph = GraphFixtures.Diamond();
        var window = GraphAllocator.Solve(graph, GraphFixtures.Options(9, OrderMode.Window) with { WindowOps = 2 });
        GraphFixtures.AssertValid(graph, window, 9);
        Assert.Equal((AllocationStatus.Feasible, false, GraphAllocation.NoBound), (window.Status, window.HasBound, window.BestBoundBytes));
        Assert.True(double.IsNaN(window.Gap));
        var roomy = GraphAllocator.Solve(graph, GraphFixtures.Options(20, OrderMode.Window));
        Assert.Equal((AllocationStatus.Optimal, 0L, 0.0), (roomy.Status, roomy.BestBoundBytes, roomy.Gap));
        Assert.False(GreedyArenaBelady.Solve(graph, GraphFixtures.Options(9)).HasBound);
    }

    [Fact]
    public void Time_limit_is_one_deadline_for_every_solve()
    {
        // A 30-operator window search with a 0.5 s limit: before, each window and re-solve had its own limit.
        var graph = GraphFixtures.Random(5, 30);
        var budget = GraphBudgets.Of(graph).MinRequiredBytes;
        var options = GraphFixtures.Options(budget, OrderMode.Window) with { TimeLimitSeconds = 0.5, DeterministicTimeLimit = null, WindowOps = 4 };
        var result = GraphAllocator.Solve(graph, options);
        Assert.True(result.SolveSeconds < 5.0, $"took {result.SolveSeconds} s for a 0.5 s limit");   // generous: a loaded 2-core CI machine
        if (result.HasSolution)
            GraphFixtures.AssertValid(graph, result, budget);
    }

    [Fact]
    public void Cp_sat_equals_brute_force_on_rich_graphs_with_alignment()
    {
        var compared = 0;
        for (var seed = 1; seed <= 14; seed++)
        {
            var graph = GraphFixtures.RandomStreaming(500 + seed, 4 + seed % 2, rich: true);
            var alignment = 1 + seed % 2;
            var budgets = GraphBudgets.Of(graph);
            foreach (var budget in new[] { budgets.MinRequiredBytes + alignment, (budgets.MinRequiredBytes + budgets.GivenOrderPeakBytes) / 2 + alignment }.Distinct())
            {
                var expected = BruteForceAllocator.FixedOrder(graph, graph.GivenOrder, budget, alignment);
                var result = GraphAllocator.Solve(graph, GraphFixtures.Options(budget) with { AlignmentBytes = alignment });
                var baseline = GreedyArenaBelady.Solve(new ScheduleView(graph, graph.GivenOrder), budget, alignment);
                if (baseline.HasSolution)
                    GraphFixtures.AssertValid(graph, baseline, budget, alignment);
                if (expected is null)
                {
                    Assert.Equal(AllocationStatus.Infeasible, result.Status);
                    continue;
                }

                GraphFixtures.AssertValid(graph, result, budget, alignment);
                Assert.True(result.Status == AllocationStatus.Optimal, $"seed {seed} budget {budget}: {result.Status}");
                Assert.True(expected == result.ObjectiveBytes, $"seed {seed} budget {budget} g {alignment}: brute force {expected}, cp-sat {result.ObjectiveBytes}");
                Assert.True(!baseline.HasSolution || baseline.ObjectiveBytes >= result.ObjectiveBytes);
                compared++;
            }
        }

        Assert.True(compared >= 10, $"only {compared} feasible comparisons");
    }

    [Fact]
    public void Joint_equals_brute_force_over_all_orders_on_rich_graphs()
    {
        var compared = 0;
        for (var seed = 1; seed <= 6; seed++)
        {
            var graph = GraphFixtures.RandomStreaming(600 + seed, 4, share: 1, rich: true);
            var budget = (GraphBudgets.Of(graph).MinRequiredBytes + GraphBudgets.Of(GraphFixtures.WithoutStreaming(graph)).MinRequiredBytes) / 2 + 1;
            var expected = BruteForceAllocator.AnyOrder(graph, budget, 2);
            var joint = GraphAllocator.Solve(graph, GraphFixtures.Options(budget, OrderMode.Joint) with { AlignmentBytes = 2 });
            if (expected is null)
            {
                Assert.Equal(AllocationStatus.Infeasible, joint.Status);
                continue;
            }

            GraphFixtures.AssertValid(graph, joint, budget, 2);
            Assert.Equal(AllocationStatus.Optimal, joint.Status);
            Assert.True(expected == joint.ObjectiveBytes, $"seed {seed}: brute force {expected}, joint {joint.ObjectiveBytes}");
            compared++;
        }

        Assert.True(compared >= 4, $"only {compared} feasible comparisons");
    }

    [Fact]
    public void Validator_checks_alignment_events_peak_and_the_optimal_bound()
    {
        var graph = GraphFixtures.Diamond();
        var good = GraphAllocator.Solve(graph, GraphFixtures.Options(10) with { AlignmentBytes = 2 });
        GraphFixtures.AssertValid(graph, good, 10, 2);
        var odd = good with { Runs = [.. good.Runs.Select((r, i) => i == 0 ? r with { AddressBytes = r.AddressBytes + 1 } : r)] };
        Assert.Contains(AllocationValidator.Validate(graph, odd, 10, 2), p => p.Contains("not a multiple of the 2-byte alignment", StringComparison.Ordinal));
        var moved = good with { Traffic = [.. good.Traffic.Select(e => e.Kind == TrafficKind.Reload ? e with { Step = e.Step - 1 } : e)] };
        Assert.Contains(AllocationValidator.Validate(graph, moved, 10, 2), p => p.StartsWith("traffic event missing", StringComparison.Ordinal));
        Assert.Contains(AllocationValidator.Validate(graph, good with { PeakBytes = good.PeakBytes + 1 }, 10, 2), p => p.StartsWith("peak", StringComparison.Ordinal));
        Assert.Contains(AllocationValidator.Validate(graph, good with { BestBoundBytes = good.ObjectiveBytes - 1 }, 10, 2), p => p.StartsWith("status Optimal but bound", StringComparison.Ordinal));
    }
}
