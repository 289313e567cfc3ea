using Sim.Mapping.Graph;

namespace Sim.Mapping.Tests.Graph;

public class GreedyArenaBeladyTests
{
    [Fact]
    public void Diamond_baseline_evicts_the_tensor_used_farthest_ahead()
    {
        // Step 2 holds t0 (next use step 3), t1, t2: 12 > 9, Belady drops t0 (the only tensor not used at step 2).
        // Size-first placement fragments (t2 finds no room), the start-ordered arena fits.
        var graph = GraphFixtures.Diamond();
        var result = GreedyArenaBelady.Solve(graph, GraphFixtures.Options(9));
        GraphFixtures.AssertValid(graph, result, 9);
        Assert.Equal((AllocationStatus.Feasible, 4L, 4L), (result.Status, result.SpillBytes, result.ReloadBytes));
    }

    [Fact]
    public void Baseline_drops_nothing_when_the_peak_fits()
    {
        var graph = GraphFixtures.Random(11, 9);
        var peak = new ScheduleView(graph, graph.GivenOrder).NoSpillPeakBytes();
        var result = GreedyArenaBelady.Solve(graph, GraphFixtures.Options(4 * peak));
        GraphFixtures.AssertValid(graph, result, 4 * peak);
        Assert.Equal(0, result.NonCompulsoryBytes);
    }

    private static TensorGraph ChainWithSkips() => new(
        [new("x", 1), new("a", 3), new("b", 3), new("c", 2), new("d", 2), new("e", 1)],
        [new("p0", [0], [1]), new("p1", [1], [2]), new("p2", [2], [3]), new("p3", [2, 3], [4]), new("p4", [1, 4], [5])]);

    [Fact]
    public void Belady_drops_the_tensor_whose_next_use_is_farthest()
    {
        // Events: a 0,1,4; b 1,2,3; c 2,3; d 3,4. At 8 bytes step 3 holds a (kept across 1→4), b, c, d = 10, so Belady
        // drops a (the only resident not used at step 3): spill 3 + reload 3. The optimum is the same.
        var graph = ChainWithSkips();
        var baseline = GreedyArenaBelady.Solve(graph, GraphFixtures.Options(8));
        var ilp = GraphAllocator.Solve(graph, GraphFixtures.Options(8));
        GraphFixtures.AssertValid(graph, baseline, 8);
        GraphFixtures.AssertValid(graph, ilp, 8);
        Assert.Equal(6, baseline.NonCompulsoryBytes);
        Assert.Equal(6, ilp.ObjectiveBytes);
        Assert.Equal([new TrafficEvent(1, 1, TrafficKind.Spill, 3), new TrafficEvent(1, 4, TrafficKind.Reload, 3)],
            baseline.Traffic.Where(t => t.Kind is TrafficKind.Spill or TrafficKind.Reload));
    }

    [Fact]
    public void Greedy_placement_can_fail_where_an_exact_allocation_exists()
    {
        // At 7 bytes step 3 is full (b + c + d = 7). Both greedy placements put d above b, past the top; lowering the
        // capacity cannot help (nothing else is droppable), so the baseline gives up. The ILP finds the packing
        // (b 0..3, c 3..5, d 5..7, a 3..6 then 0..3): the same 6 bytes.
        var graph = ChainWithSkips();
        var baseline = GreedyArenaBelady.Solve(graph, GraphFixtures.Options(7));
        Assert.Equal(AllocationStatus.Infeasible, baseline.Status);
        Assert.Contains("steps [3,5) and nothing there can be evicted or streamed (fragmentation)", baseline.Reason, StringComparison.Ordinal);
        var ilp = GraphAllocator.Solve(graph, GraphFixtures.Options(7));
        GraphFixtures.AssertValid(graph, ilp, 7);
        Assert.Equal((AllocationStatus.Optimal, 6L), (ilp.Status, ilp.ObjectiveBytes));
        Assert.Equal(6, BruteForceAllocator.FixedOrder(graph, graph.GivenOrder, 7));
    }

    [Fact]
    public void Where_placement_fails_and_nothing_can_be_evicted_an_op_with_a_streamed_option_streams_instead()
    {
        // The graph above at 7 bytes, but p3 may also stream its operands (no buffer, no extra bytes): the baseline's
        // failed block [3,5) holds p3, which switches to streaming, so the baseline no longer gives up; it stays a
        // valid allocation and never beats the exact optimum with the same options.
        var chain = ChainWithSkips();
        var graph = chain.WithOptions(op => op.Name == "p3" ? [OpOption.Atomic, new OpOption("stream", 0, 0, Streamed: true)] : [OpOption.Atomic]);
        var baseline = GreedyArenaBelady.Solve(graph, GraphFixtures.Options(7));
        Assert.Equal(AllocationStatus.Feasible, baseline.Status);
        GraphFixtures.AssertValid(graph, baseline, 7);
        Assert.Equal(1, baseline.ChosenOption[3]);
        var ilp = GraphAllocator.Solve(graph, GraphFixtures.Options(7));
        Assert.Equal(AllocationStatus.Optimal, ilp.Status);
        Assert.True(baseline.ObjectiveBytes >= ilp.ObjectiveBytes, $"{baseline.ObjectiveBytes} < {ilp.ObjectiveBytes}");
    }
}
