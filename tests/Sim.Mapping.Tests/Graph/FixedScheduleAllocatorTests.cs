using Sim.Mapping.Graph;

namespace Sim.Mapping.Tests.Graph;

public class FixedScheduleAllocatorTests
{
    [Fact]
    public void Diamond_at_nine_bytes_spills_t0_once_for_twice_its_size()
    {
        var graph = GraphFixtures.Diamond();
        var result = GraphAllocator.Solve(graph, GraphFixtures.Options(9));
        GraphFixtures.AssertValid(graph, result, 9);
        Assert.Equal(AllocationStatus.Optimal, result.Status);
        Assert.Equal(8, result.ObjectiveBytes);
        Assert.Equal(4, result.SpillBytes);
        Assert.Equal(4, result.ReloadBytes);
        Assert.Equal(1, result.CompulsoryReadBytes);
        Assert.Equal(1, result.CompulsoryWriteBytes);
        Assert.Equal([new TrafficEvent(1, 1, TrafficKind.Spill, 4), new TrafficEvent(1, 3, TrafficKind.Reload, 4)],
            result.Traffic.Where(t => t.Kind is TrafficKind.Spill or TrafficKind.Reload));
        Assert.Equal(0, result.Gap);
    }

    [Fact]
    public void Diamond_at_its_no_spill_peak_needs_no_traffic()
    {
        var graph = GraphFixtures.Diamond();
        Assert.Equal(12, new ScheduleView(graph, graph.GivenOrder).NoSpillPeakBytes());
        var result = GraphAllocator.Solve(graph, GraphFixtures.Options(12));
        GraphFixtures.AssertValid(graph, result, 12);
        Assert.Equal((AllocationStatus.Optimal, 0L), (result.Status, result.ObjectiveBytes));
        Assert.Equal(12, result.PeakBytes);
    }

    [Fact]
    public void Diamond_below_its_largest_step_is_infeasible_with_the_step_named()
    {
        var result = GraphAllocator.Solve(GraphFixtures.Diamond(), GraphFixtures.Options(8));
        Assert.Equal(AllocationStatus.Infeasible, result.Status);
        Assert.Contains("step 3 (operator 'op3') needs 9 bytes", result.Reason, StringComparison.Ordinal);
        Assert.Empty(result.Runs);
    }

    [Fact]
    public void Diamond_chooses_the_option_that_costs_less_overall()
    {
        // op2 either needs a 4-byte working buffer or streams with 3 extra DRAM bytes. At 12 bytes: buffered and keeping
        // t0 needs 16 at step 2; buffered with t0 spilled costs 8; streamed with t0 kept fits (12) and costs 3.
        var graph = GraphFixtures.Diamond([new OpOption("buffered", 4, 0), new OpOption("streamed", 0, 3)]);
        var result = GraphAllocator.Solve(graph, GraphFixtures.Options(12));
        GraphFixtures.AssertValid(graph, result, 12);
        Assert.Equal((AllocationStatus.Optimal, 3L, 1), (result.Status, result.ObjectiveBytes, result.ChosenOption[2]));
        Assert.Equal(0, result.NonCompulsoryBytes);

        // With room for the buffer and t0 (16 bytes) the free option wins.
        var roomy = GraphAllocator.Solve(graph, GraphFixtures.Options(16));
        GraphFixtures.AssertValid(graph, roomy, 16);
        Assert.Equal((0L, 0), (roomy.ObjectiveBytes, roomy.ChosenOption[2]));
    }

    [Fact]
    public void Alignment_rounds_blocks_up_to_granules()
    {
        // With 2-byte granules x and out take 2 bytes each: step 3 needs 4 + 4 + 2 = 10 bytes, so 9 (feasible with
        // 1-byte granules) is infeasible, and at 10 keeping t0 across step 2 (12 bytes) still does not fit.
        var graph = GraphFixtures.Diamond();
        var result = GraphAllocator.Solve(graph, GraphFixtures.Options(9) with { AlignmentBytes = 2 });
        Assert.Equal(AllocationStatus.Infeasible, result.Status);
        Assert.Contains("needs 10 bytes", result.Reason, StringComparison.Ordinal);
        var aligned = GraphAllocator.Solve(graph, GraphFixtures.Options(10) with { AlignmentBytes = 2 });
        GraphFixtures.AssertValid(graph, aligned, 10);
        Assert.Equal((AllocationStatus.Optimal, 8L), (aligned.Status, aligned.ObjectiveBytes));
        Assert.All(aligned.Runs, r => Assert.Equal(0, r.AddressBytes % 2));
    }

    [Fact]
    public void Cp_sat_equals_brute_force_on_seeded_random_graphs()
    {
        var compared = 0;
        for (var seed = 1; seed <= 24; seed++)
        {
            var graph = GraphFixtures.Random(seed, 5 + seed % 2);
            var budgets = GraphBudgets.Of(graph);
            foreach (var budget in new[] { budgets.MinRequiredBytes, (budgets.MinRequiredBytes + budgets.GivenOrderPeakBytes) / 2 }.Distinct())
            {
                var expected = BruteForceAllocator.FixedOrder(graph, graph.GivenOrder, budget);
                var result = GraphAllocator.Solve(graph, GraphFixtures.Options(budget));
                if (!GraphFixtures.AssertSameAsBruteForce(graph, budget, expected, result, $"seed {seed} budget {budget}"))
                    continue;
                compared++;
            }
        }

        Assert.True(compared >= 15, $"only {compared} feasible comparisons");
    }

    [Fact]
    public void Same_input_twice_gives_the_identical_allocation()
    {
        var graph = GraphFixtures.Random(7, 8);
        var budget = GraphBudgets.Of(graph).MinRequiredBytes;
        var first = GraphAllocator.Solve(graph, GraphFixtures.Options(budget));
        var second = GraphAllocator.Solve(graph, GraphFixtures.Options(budget));
        Assert.Equal(first.Runs, second.Runs);
        Assert.Equal(first.Traffic, second.Traffic);
        Assert.Equal(first.ChosenOption, second.ChosenOption);
        Assert.Equal(first.WorkingBuffers, second.WorkingBuffers);
    }
}
