namespace Sim.Arch.Sparse;

/// <summary>
/// Deals work items (rows, or outer-product columns) to PEs in index order, each to the PE with the least work
/// dealt so far (ties: lowest PE) — Gamma's dynamic row dispatch, with work measured in tile-independent units
/// (partial products) so the assignment does not depend on throughputs and a faster PE can never make a run slower
/// (greedy scheduling on measured times has Graham's anomalies). The busiest PE's cycle sum is the phase time.
/// The price: more PEs are NOT guaranteed to be faster. Work units and cycles differ (⌈work/mul⌉, max of multiply and
/// merge), so an extra PE can re-deal items into a worse cycle split — a list-scheduling anomaly, pinned in
/// SpGemmPropertyTests.More_pes_can_be_slower_pinned_counterexample (outer product, 2 → 3 PEs: 14 → 15 cycles).
/// </summary>
public static class PeBalancer
{
    /// <summary>PE index of every item.</summary>
    public static int[] Assign(IReadOnlyList<long> work, int pes)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentOutOfRangeException.ThrowIfLessThan(pes, 1);
        var queue = new PriorityQueue<int, (long Load, int Pe)>();
        for (var p = 0; p < pes; p++)
            queue.Enqueue(p, (0, p));
        var owner = new int[work.Count];
        for (var i = 0; i < work.Count; i++)
        {
            queue.TryDequeue(out var pe, out var key);
            owner[i] = pe;
            queue.Enqueue(pe, (checked(key.Load + work[i]), pe));
        }

        return owner;
    }

    /// <summary>max over PEs of the summed <paramref name="cycles"/> of the items each PE owns.</summary>
    public static long Makespan(int[] owner, IReadOnlyList<long> cycles, int pes)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(cycles);
        var perPe = new long[pes];
        for (var i = 0; i < owner.Length; i++)
            perPe[owner[i]] = checked(perPe[owner[i]] + cycles[i]);
        return perPe.Length == 0 ? 0 : perPe.Max();
    }
}
