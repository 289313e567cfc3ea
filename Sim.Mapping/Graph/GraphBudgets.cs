namespace Sim.Mapping.Graph;

/// <summary>
/// COSMA's per-graph scratchpad budgets. M_R: the largest single-operator need, where an operator needs the least over
/// its options of what that option must hold (resident option: inputs + outputs + working buffer; streamed option:
/// its working buffer only) — below it no schedule is feasible; without streamed options it is COSMA's M_R (inputs +
/// outputs + smallest working buffer). Peaks: the all-resident footprint when nothing is spilled or streamed, for the
/// given order and for the min-peak order (M_P; exact only when <see cref="MinPeakExact"/>), with each operator's
/// smallest working buffer; streamed options do not change them. M_H = (M_R + M_P) / 2. At or above a peak, the
/// corresponding order needs no spill and no streaming.
/// </summary>
public sealed record GraphBudgets(long MinRequiredBytes, long GivenOrderPeakBytes, long MinPeakBytes, bool MinPeakExact, IReadOnlyList<int> MinPeakOrder)
{
    public long HalfwayBytes => (MinRequiredBytes + MinPeakBytes) / 2;

    public static GraphBudgets Of(TensorGraph graph, int exactMaxOps = Graph.MinPeakOrder.DefaultExactMaxOps)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var given = new ScheduleView(graph, graph.GivenOrder);
        var minRequired = Enumerable.Range(0, given.Steps).Max(s => given.RequiredBytes(s, 1));
        var minPeak = Graph.MinPeakOrder.Find(graph, exactMaxOps);
        return new GraphBudgets(minRequired, given.NoSpillPeakBytes(), minPeak.PeakBytes, minPeak.Exact, minPeak.Order);
    }
}
