using System.Diagnostics;
using Google.OrTools.Sat;

namespace Sim.Mapping.Graph;

/// <summary>
/// The entry point: choose an operator order by <see cref="GraphAllocatorOptions.OrderMode"/>, then allocate exactly.
/// Given/MinPeak: the fixed-order CP-SAT model on that order, hinted with the baseline's solution (so it never returns
/// worse than <see cref="GreedyArenaBelady"/> on the same order). Joint: the time-indexed model picks the order, then the
/// fixed-order model rebuilds the addresses for it (its optimum equals the joint optimum on that order). Window
/// (large graphs): starting from the min-peak order's solution, slide a window of
/// <see cref="GraphAllocatorOptions.WindowOps"/> steps by half its width; solve the joint model with every operator
/// outside the window fixed at its incumbent step (hinted with the incumbent), re-solve the fixed-order model on the
/// window's order and keep it when it is cheaper. The time limit is shared equally among the windows' joint solves
/// (each fixed-order re-solve has the full limit, but is fast).
/// </summary>
public static class GraphAllocator
{
    public static GraphAllocation Solve(TensorGraph graph, GraphAllocatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(options);
        options.Check();
        return options.OrderMode switch
        {
            OrderMode.Given => SolveOrder(graph, graph.GivenOrder, options, "cp-sat given order"),
            OrderMode.MinPeak => SolveOrder(graph, MinPeakOrder.Find(graph, options.ExactOrderMaxOps).Order, options, "cp-sat min-peak order"),
            OrderMode.Joint => SolveJoint(graph, options),
            OrderMode.Window => SolveWindow(graph, options),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.OrderMode, "unknown order mode"),
        };
    }

    private static GraphAllocation SolveOrder(TensorGraph graph, IReadOnlyList<int> order, GraphAllocatorOptions options, string method)
    {
        var view = new ScheduleView(graph, order);
        var baseline = GreedyArenaBelady.Solve(view, options.ScratchpadBytes, options.AlignmentBytes);
        return FixedScheduleAllocator.Solve(view, options, baseline, method);
    }

    private static GraphAllocation SolveJoint(TensorGraph graph, GraphAllocatorOptions options)
    {
        var clock = Stopwatch.StartNew();
        const string method = "cp-sat joint order";
        var minPeak = MinPeakOrder.Find(graph, options.ExactOrderMaxOps);
        var (order, status, _, bound) = JointScheduleModel.Solve(graph, options, minPeak.Order);
        if (order is null)
        {
            var reason = status == CpSolverStatus.Infeasible
                ? $"no operator order fits the {options.ScratchpadBytes}-byte scratchpad (some operator's inputs, outputs and working buffer, or unavoidable fragmentation)"
                : $"no solution found within {options.TimeLimitSeconds} s";
            return GraphAllocation.NoSolution(method, status == CpSolverStatus.Infeasible ? AllocationStatus.Infeasible : AllocationStatus.Unknown,
                reason, graph.GivenOrder, clock.Elapsed.TotalSeconds);
        }

        var fixedOrder = SolveOrder(graph, order, options, method);
        if (status != CpSolverStatus.Optimal)
        {
            // Cut by the time limit: keep the min-peak order's solution when the joint incumbent is no better.
            var incumbent = SolveOrder(graph, minPeak.Order, options, method);
            if (incumbent.HasSolution && (!fixedOrder.HasSolution || incumbent.ObjectiveBytes < fixedOrder.ObjectiveBytes))
                fixedOrder = incumbent;
        }

        if (!fixedOrder.HasSolution)
            return fixedOrder with { SolveSeconds = clock.Elapsed.TotalSeconds };
        var optimal = status == CpSolverStatus.Optimal && fixedOrder.Status == AllocationStatus.Optimal;
        return fixedOrder with
        {
            Status = optimal ? AllocationStatus.Optimal : AllocationStatus.Feasible,
            BestBoundBytes = optimal ? fixedOrder.ObjectiveBytes : Math.Clamp(bound, 0, fixedOrder.ObjectiveBytes),
            SolveSeconds = clock.Elapsed.TotalSeconds,
        };
    }

    private static GraphAllocation SolveWindow(TensorGraph graph, GraphAllocatorOptions options)
    {
        var clock = Stopwatch.StartNew();
        const string method = "cp-sat window search";
        var order = MinPeakOrder.Find(graph, options.ExactOrderMaxOps).Order.ToArray();
        var best = SolveOrder(graph, order, options, method);
        if (!best.HasSolution)
            return best;
        var k = Math.Min(options.WindowOps, order.Length);
        var stride = Math.Max(1, k / 2);
        var windows = Math.Max(1, (order.Length - 2) / stride + 1);
        var perWindow = options with { TimeLimitSeconds = options.TimeLimitSeconds / windows };
        for (var start = 0; start + 1 < order.Length && best.ObjectiveBytes > 0; start += stride)
        {
            var free = Enumerable.Range(start, Math.Min(k, order.Length - start)).ToHashSet();
            var (windowOrder, _, _, _) = JointScheduleModel.Solve(graph, perWindow, order, free);
            if (windowOrder is null || windowOrder.SequenceEqual(order))
                continue;
            var tried = SolveOrder(graph, windowOrder, options, method);
            if (tried.HasSolution && tried.ObjectiveBytes < best.ObjectiveBytes)
                (order, best) = ([.. windowOrder], tried);
        }

        // A fixed-order bound holds for that order only, not over all orders: no bound is claimed.
        return best with { Status = best.ObjectiveBytes == 0 ? AllocationStatus.Optimal : AllocationStatus.Feasible, BestBoundBytes = 0, SolveSeconds = clock.Elapsed.TotalSeconds };
    }
}
