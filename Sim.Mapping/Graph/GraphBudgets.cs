namespace Sim.Mapping.Graph;

/// <summary>
/// COSMA's per-graph scratchpad budgets. M_R: the largest single-operator need (its inputs + outputs + smallest working
/// buffer) — the smallest scratchpad with which any schedule is feasible without tiling. Peaks: the footprint when
/// nothing is spilled, for the given order and for the min-peak order (M_P; exact only when <see cref="MinPeakExact"/>).
/// M_H = (M_R + M_P) / 2. At or above a peak, the corresponding order needs no spill.
/// </summary>
public sealed record GraphBudgets(long MinRequiredBytes, long GivenOrderPeakBytes, long MinPeakBytes, bool MinPeakExact, IReadOnlyList<int> MinPeakOrder)
{
    public long HalfwayBytes => (MinRequiredBytes + MinPeakBytes) / 2;

    public static GraphBudgets Of(TensorGraph graph, int exactMaxOps = 18)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var given = new ScheduleView(graph, graph.GivenOrder);
        var minRequired = Enumerable.Range(0, given.Steps).Max(s => given.RequiredBytes(s, 1));
        var minPeak = Graph.MinPeakOrder.Find(graph, exactMaxOps);
        return new GraphBudgets(minRequired, given.NoSpillPeakBytes(), minPeak.PeakBytes, minPeak.Exact, minPeak.Order);
    }
}
