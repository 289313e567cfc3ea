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
/// window's order and keep it when it is cheaper. One deadline (<see cref="GraphAllocatorOptions.TimeLimitSeconds"/> from
/// the call) covers every solve: each gets what is left of it, the windows left share it equally, and the window search
/// stops once it has passed. Window results claim no bound (<see cref="GraphAllocation.NoBound"/>). Streamed options
/// are supported in every mode.
/// </summary>
public static class GraphAllocator
{
    public static GraphAllocation Solve(TensorGraph graph, GraphAllocatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(options);
        options.Check();
        var deadline = new Deadline(options.TimeLimitSeconds);
        return options.OrderMode switch
        {
            OrderMode.Given => SolveOrder(graph, graph.GivenOrder, options, deadline, "cp-sat given order"),
            OrderMode.MinPeak => SolveOrder(graph, MinPeakOrder.Find(graph, options.ExactOrderMaxOps).Order, options, deadline, "cp-sat min-peak order"),
            OrderMode.Joint => SolveJoint(graph, options, deadline),
            OrderMode.Window => SolveWindow(graph, options, deadline),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.OrderMode, "unknown order mode"),
        };
    }

    /// <summary>One wall-clock budget shared by every solve of a call: each gets what is left (at least a millisecond,
    /// so a late fixed-order re-solve still returns its hinted baseline).</summary>
    private sealed class Deadline(double limitSeconds)
    {
        private readonly Stopwatch clock = Stopwatch.StartNew();

        public double ElapsedSeconds => clock.Elapsed.TotalSeconds;

        public bool Passed => ElapsedSeconds >= limitSeconds;

        public double RemainingSeconds => Math.Max(limitSeconds - ElapsedSeconds, 1e-3);
    }

    private static GraphAllocation SolveOrder(TensorGraph graph, IReadOnlyList<int> order, GraphAllocatorOptions options, Deadline deadline, string method)
    {
        var view = new ScheduleView(graph, order);
        var baseline = GreedyArenaBelady.Solve(view, options.ScratchpadBytes, options.AlignmentBytes);
        return FixedScheduleAllocator.Solve(view, options with { TimeLimitSeconds = deadline.RemainingSeconds }, baseline, method);
    }

    private static GraphAllocation SolveJoint(TensorGraph graph, GraphAllocatorOptions options, Deadline deadline)
    {
        const string method = "cp-sat joint order";
        var minPeak = MinPeakOrder.Find(graph, options.ExactOrderMaxOps);
        var (order, status, jointObjective, bound) = JointScheduleModel.Solve(graph, options with { TimeLimitSeconds = deadline.RemainingSeconds }, minPeak.Order);
        if (order is null)
        {
            var reason = status == CpSolverStatus.Infeasible
                ? $"no operator order fits the {options.ScratchpadBytes}-byte scratchpad (some operator's inputs, outputs and working buffer, or unavoidable fragmentation)"
                : $"no solution found within {options.TimeLimitSeconds} s";
            return GraphAllocation.NoSolution(method, status == CpSolverStatus.Infeasible ? AllocationStatus.Infeasible : AllocationStatus.Unknown,
                reason, graph.GivenOrder, deadline.ElapsedSeconds);
        }

        var fixedOrder = SolveOrder(graph, order, options, deadline, method);
        if (status != CpSolverStatus.Optimal)
        {
            // Cut by the time limit: keep the min-peak order's solution when the joint incumbent is no better.
            var incumbent = SolveOrder(graph, minPeak.Order, options, deadline, method);
            if (incumbent.HasSolution && (!fixedOrder.HasSolution || incumbent.ObjectiveBytes < fixedOrder.ObjectiveBytes))
                fixedOrder = incumbent;
        }

        if (!fixedOrder.HasSolution)
            return fixedOrder with { SolveSeconds = deadline.ElapsedSeconds };
        // Optimal over all orders only when the fixed-order re-solve reproduces the joint optimum: a mismatch would mean
        // the two models disagree on the cost of a schedule, and then neither claim holds.
        var optimal = status == CpSolverStatus.Optimal && fixedOrder.Status == AllocationStatus.Optimal && fixedOrder.ObjectiveBytes == jointObjective;
        return fixedOrder with
        {
            Status = optimal ? AllocationStatus.Optimal : AllocationStatus.Feasible,
            BestBoundBytes = optimal ? fixedOrder.ObjectiveBytes : Math.Clamp(bound, 0, fixedOrder.ObjectiveBytes),
            SolveSeconds = deadline.ElapsedSeconds,
        };
    }

    private static GraphAllocation SolveWindow(TensorGraph graph, GraphAllocatorOptions options, Deadline deadline)
    {
        const string method = "cp-sat window search";
        var order = MinPeakOrder.Find(graph, options.ExactOrderMaxOps).Order.ToArray();
        var best = SolveOrder(graph, order, options, deadline, method);
        if (!best.HasSolution)
            return best;
        var k = Math.Min(options.WindowOps, order.Length);
        var stride = Math.Max(1, k / 2);
        var windows = Math.Max(1, (order.Length - 2) / stride + 1);
        var done = 0;
        for (var start = 0; start + 1 < order.Length && best.ObjectiveBytes > 0 && !deadline.Passed; start += stride, done++)
        {
            // The windows left share what is left of the limit (model building included, as it runs on the same clock).
            var perWindow = options with { TimeLimitSeconds = deadline.RemainingSeconds / Math.Max(1, windows - done) };
            var free = Enumerable.Range(start, Math.Min(k, order.Length - start)).ToHashSet();
            var (windowOrder, _, _, _) = JointScheduleModel.Solve(graph, perWindow, order, free);
            if (windowOrder is null || windowOrder.SequenceEqual(order) || deadline.Passed)
                continue;
            var tried = SolveOrder(graph, windowOrder, options, deadline, method);
            if (tried.HasSolution && tried.ObjectiveBytes < best.ObjectiveBytes)
                (order, best) = ([.. windowOrder], tried);
        }

        // A fixed-order bound holds for that order only, not over all orders: no bound is claimed (0 is one when reached).
        var zero = best.ObjectiveBytes == 0;
        return best with
        {
            Status = zero ? AllocationStatus.Optimal : AllocationStatus.Feasible,
            BestBoundBytes = zero ? 0 : GraphAllocation.NoBound,
            SolveSeconds = deadline.ElapsedSeconds,
        };
    }
}
