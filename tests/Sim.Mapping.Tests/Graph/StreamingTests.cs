using Sim.Mapping.Graph;

namespace Sim.Mapping.Tests.Graph;

public class StreamingTests
{
    /// <summary>
    /// x(2) → op0 → a(4) → op1 → b(3) → op2 → y(1); op1 can also stream (1-byte working buffer, no extra traffic).
    /// Needs: op0 6, op1 7 resident or 1 streamed, op2 4; so M_R = 6 with streaming and 7 without.
    /// </summary>
    private static TensorGraph Chain() => new(
        [new("x", 2), new("a", 4), new("b", 3), new("y", 1)],
        [
            new("op0", [0], [1]),
            new("op1", [1], [2], [OpOption.Atomic, new OpOption("stream", 1, 0, Streamed: true)]),
            new("op2", [2], [3]),
        ]);

    [Fact]
    public void Chain_whose_middle_op_cannot_fit_streams_its_smaller_tensor()
    {
        // At 6 bytes op1 (a 4 + b 3 = 7) must stream. Keeping a (4 + buffer 1 = 5) and streaming b out costs its write
        // and its reload before op2: 3 + 3 = 6. Keeping b instead costs a's spill and streamed read: 4 + 4 = 8; streaming
        // both, 14. The baseline keeps a (it arrives resident) and streams b out as it does not fit: also 6.
        var graph = Chain();
        Assert.Equal(6, GraphBudgets.Of(graph).MinRequiredBytes);
        Assert.Equal(7, GraphBudgets.Of(GraphFixtures.WithoutStreaming(graph)).MinRequiredBytes);
        var ilp = GraphAllocator.Solve(graph, GraphFixtures.Options(6));
        GraphFixtures.AssertValid(graph, ilp, 6);
        Assert.Equal((AllocationStatus.Optimal, 6L, 1), (ilp.Status, ilp.ObjectiveBytes, ilp.ChosenOption[1]));
        Assert.Equal(
            [
                new TrafficEvent(0, 0, TrafficKind.CompulsoryRead, 2),
                new TrafficEvent(2, 1, TrafficKind.StreamWrite, 3),
                new TrafficEvent(3, 2, TrafficKind.CompulsoryWrite, 1),
                new TrafficEvent(2, 2, TrafficKind.Reload, 3),
            ],
            ilp.Traffic);
        Assert.Equal((0L, 3L, 0L, 3L), (ilp.SpillBytes, ilp.ReloadBytes, ilp.StreamReadBytes, ilp.StreamWriteBytes));
        Assert.Equal(6, BruteForceAllocator.FixedOrder(graph, graph.GivenOrder, 6));

        var baseline = GreedyArenaBelady.Solve(graph, GraphFixtures.Options(6));
        GraphFixtures.AssertValid(graph, baseline, 6);
        Assert.Equal((0L, 3L, 0L, 3L), (baseline.SpillBytes, baseline.ReloadBytes, baseline.StreamReadBytes, baseline.StreamWriteBytes));
        Assert.Equal(6, baseline.NonCompulsoryBytes);

        // Without the streamed option, 6 bytes is infeasible; at 7 nothing moves.
        var resident = GraphFixtures.WithoutStreaming(graph);
        Assert.Equal(AllocationStatus.Infeasible, GraphAllocator.Solve(resident, GraphFixtures.Options(6)).Status);
        Assert.Equal(0, GraphAllocator.Solve(resident, GraphFixtures.Options(7)).ObjectiveBytes);
        Assert.Equal(0, GraphAllocator.Solve(graph, GraphFixtures.Options(7)).ObjectiveBytes);
    }

    [Fact]
    public void Below_the_streamed_M_R_the_step_is_named()
    {
        var result = GraphAllocator.Solve(Chain(), GraphFixtures.Options(5));
        Assert.Equal(AllocationStatus.Infeasible, result.Status);
        Assert.Contains("step 0 (operator 'op0') needs 6 bytes", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_graph_input_is_read_compulsorily_exactly_once_whether_its_first_use_streams_or_not()
    {
        // x(3) is read by op0 (stream-only) and op1 (resident). The ILP keeps x resident from op0 on: its one load is the
        // compulsory read, nothing else moves. The baseline streams op0: x's streamed read is the compulsory one, its
        // load for op1 a reload (3); a fits, so op0 keeps it resident for op1.
        var graph = new TensorGraph(
            [new("x", 3), new("a", 1), new("b", 1)],
            [new("op0", [0], [1], [new OpOption("stream", 0, 0, Streamed: true)]), new("op1", [0, 1], [2])]);
        var ilp = GraphAllocator.Solve(graph, GraphFixtures.Options(5));
        var baseline = GreedyArenaBelady.Solve(graph, GraphFixtures.Options(5));
        GraphFixtures.AssertValid(graph, ilp, 5);
        GraphFixtures.AssertValid(graph, baseline, 5);
        Assert.Equal((3L, 0L), (ilp.CompulsoryReadBytes, ilp.ObjectiveBytes));
        Assert.Equal((3L, 3L, 0L, 0L), (baseline.CompulsoryReadBytes, baseline.ReloadBytes, baseline.StreamReadBytes, baseline.StreamWriteBytes));
        Assert.Single(baseline.Traffic, t => t.Kind == TrafficKind.CompulsoryRead);
        Assert.Equal(0, BruteForceAllocator.FixedOrder(graph, graph.GivenOrder, 5));

        // With op1 streamed too (budget 1: nothing fits but a), x is streamed twice: once compulsory, once not.
        var both = new TensorGraph(
            [new("x", 3), new("a", 1), new("b", 1)],
            [new("op0", [0], [1], [new OpOption("stream", 0, 0, Streamed: true)]), new("op1", [0, 1], [2], [new OpOption("stream", 0, 0, Streamed: true)])]);
        var tight = GraphAllocator.Solve(both, GraphFixtures.Options(1));
        GraphFixtures.AssertValid(both, tight, 1);
        Assert.Equal((3L, 3L, 0L), (tight.CompulsoryReadBytes, tight.StreamReadBytes, tight.ObjectiveBytes - tight.StreamReadBytes));
        Assert.Equal(3, BruteForceAllocator.FixedOrder(both, both.GivenOrder, 1));
    }

    [Fact]
    public void Cp_sat_equals_brute_force_with_streamed_options_on_seeded_random_graphs()
    {
        var compared = 0;
        var streamedChosen = 0;
        for (var seed = 1; seed <= 20; seed++)
        {
            var graph = GraphFixtures.RandomStreaming(seed, 5);
            var budgets = GraphBudgets.Of(graph);
            foreach (var budget in new[] { budgets.MinRequiredBytes, (budgets.MinRequiredBytes + budgets.GivenOrderPeakBytes) / 2 }.Distinct())
            {
                var expected = BruteForceAllocator.FixedOrder(graph, graph.GivenOrder, budget);
                var result = GraphAllocator.Solve(graph, GraphFixtures.Options(budget));
                if (!GraphFixtures.AssertSameAsBruteForce(graph, budget, expected, result, $"seed {seed} budget {budget}"))
                    continue;
                streamedChosen += graph.Operators.Count(op => op.Options[result.ChosenOption[op.Id]].Streamed);
                compared++;
            }
        }

        Assert.True(compared >= 15, $"only {compared} feasible comparisons");
        Assert.True(streamedChosen >= 10, $"only {streamedChosen} streamed choices: the comparison hardly exercises streaming");
    }

    [Fact]
    public void Joint_order_with_streamed_options_equals_the_brute_force_over_all_orders()
    {
        var (compared, streaming) = (0, 0);
        for (var seed = 1; seed <= 10; seed++)
        {
            // Every operator may stream; the budget is halfway between the streamed and the all-resident M_R, so some must.
            var graph = GraphFixtures.RandomStreaming(400 + seed, 4, share: 1);
            var budget = (GraphBudgets.Of(graph).MinRequiredBytes + GraphBudgets.Of(GraphFixtures.WithoutStreaming(graph)).MinRequiredBytes) / 2;
            var expected = BruteForceAllocator.AnyOrder(graph, budget);
            var joint = GraphAllocator.Solve(graph, GraphFixtures.Options(budget, OrderMode.Joint));
            if (!GraphFixtures.AssertSameAsBruteForce(graph, budget, expected, joint, $"seed {seed}"))
                continue;
            var window = GraphAllocator.Solve(graph, GraphFixtures.Options(budget, OrderMode.Window) with { WindowOps = 3 });
            GraphFixtures.AssertValid(graph, window, budget);
            Assert.True(joint.ObjectiveBytes <= window.ObjectiveBytes && window.ObjectiveBytes <= GraphAllocator.Solve(graph, GraphFixtures.Options(budget, OrderMode.MinPeak)).ObjectiveBytes);
            streaming += joint.StreamReadBytes + joint.StreamWriteBytes > 0 ? 1 : 0;
            compared++;
        }

        Assert.True(compared >= 8, $"only {compared} feasible comparisons");
        Assert.True(streaming >= 5, $"only {streaming} joint solutions stream anything");
        Assert.Equal(6, GraphAllocator.Solve(Chain(), GraphFixtures.Options(6, OrderMode.Joint)).ObjectiveBytes);
    }

    [Fact]
    public void Validator_rejects_streaming_by_a_resident_option_and_a_read_before_dram_has_a_copy()
    {
        var graph = Chain();
        var good = GraphAllocator.Solve(graph, GraphFixtures.Options(6));
        GraphFixtures.AssertValid(graph, good, 6);
        var resident = good with { ChosenOption = [0, 0, 0] };
        Assert.Contains(AllocationValidator.Validate(graph, resident, 6), p => p.Contains("tensor 'b' covered by 0 runs", StringComparison.Ordinal));
        var unwritten = good with { StreamWriteBytes = 0 };
        Assert.Contains(AllocationValidator.Validate(graph, unwritten, 6), p => p.StartsWith("stream write", StringComparison.Ordinal));
        var early = good with { Runs = [.. good.Runs.Select(r => r.TensorId == 2 ? r with { StartStep = 0 } : r)] };
        Assert.Contains(AllocationValidator.Validate(graph, early, 6), p => p.Contains("before DRAM has a copy", StringComparison.Ordinal));
        var relabelled = good with { Traffic = [.. good.Traffic.Select(t => t.Kind == TrafficKind.StreamWrite ? t with { Kind = TrafficKind.Spill } : t)] };
        Assert.Contains(AllocationValidator.Validate(graph, relabelled, 6), p => p.StartsWith("Spill traffic events", StringComparison.Ordinal));
    }
}
