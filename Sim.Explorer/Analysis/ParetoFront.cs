using Sim.Explorer.Results;

namespace Sim.Explorer.Analysis;

/// <summary>
/// Pareto front when minimising every coordinate (two in <see cref="Indices(IReadOnlyList{ValueTuple{double, double}})"/>, k in the overload). A point is on the front if no other point is ≤ in both
/// coordinates and &lt; in at least one. Tie rule: of several points equal in both coordinates, only the first
/// occurrence (lowest index) is on the front; the later copies count as dominated by it, so the front has no
/// duplicates and the result does not depend on how equal points are sorted.
/// </summary>
public static class ParetoFront
{
    /// <summary>
    /// Indices of the non-dominated points, in front order (ascending X, hence strictly descending Y), ready to be
    /// drawn as a line. O(n log n): sort by (X, Y, index), then sweep keeping the smallest Y seen so far.
    /// </summary>
    /// <exception cref="ArgumentException">A coordinate is NaN (it has no order, so dominance is undefined).</exception>
    public static IReadOnlyList<int> Indices(IReadOnlyList<(double X, double Y)> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var order = new int[points.Count];
        for (int i = 0; i < order.Length; i++)
        {
            if (double.IsNaN(points[i].X) || double.IsNaN(points[i].Y))
                throw new ArgumentException($"point {i} has a NaN coordinate", nameof(points));
            order[i] = i;
        }

        Array.Sort(order, (a, b) =>
        {
            int c = points[a].X.CompareTo(points[b].X);
            if (c == 0) c = points[a].Y.CompareTo(points[b].Y);
            return c != 0 ? c : a.CompareTo(b);
        });

        // Every earlier point in this order has X ≤ x, so the current one is dominated (or a later duplicate)
        // exactly when some earlier point has Y ≤ y. The first point is always on the front (also if Y is +∞).
        var front = new List<int>();
        double bestY = double.PositiveInfinity;
        foreach (int i in order)
        {
            if (front.Count == 0 || points[i].Y < bestY)
            {
                front.Add(i);
                bestY = points[i].Y;
            }
        }

        return front;
    }

    /// <summary>
    /// Indices of the non-dominated points of k ≥ 1 coordinates, all minimised, with the same tie rule as
    /// <see cref="Indices"/> (of equal points only the first is on the front), in lexicographic order of the coordinates
    /// (then index) — for k = 2 exactly <see cref="Indices"/>' front order. Sort lexicographically, then keep a point when no
    /// front point before it is ≤ in every coordinate: an earlier point in this order can dominate a later one but never
    /// the reverse, and whatever dominates a point is itself matched or dominated by some earlier front point.
    /// O(n log n + n·|front|·k).
    /// </summary>
    /// <exception cref="ArgumentException">Points differ in length, have no coordinates, or a coordinate is NaN.</exception>
    public static IReadOnlyList<int> Indices(IReadOnlyList<double[]> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count == 0)
            return [];
        var k = points[0].Length;
        for (int i = 0; i < points.Count; i++)
        {
            if (points[i].Length != k || k == 0)
                throw new ArgumentException($"point {i} has {points[i].Length} coordinates, point 0 has {k} (need the same k ≥ 1)", nameof(points));
            if (points[i].Any(double.IsNaN))
                throw new ArgumentException($"point {i} has a NaN coordinate", nameof(points));
        }

        var order = Enumerable.Range(0, points.Count).ToArray();
        Array.Sort(order, (a, b) =>
        {
            for (int d = 0; d < k; d++)
            {
                int c = points[a][d].CompareTo(points[b][d]);
                if (c != 0)
                    return c;
            }

            return a.CompareTo(b);
        });

        var front = new List<int>();
        foreach (int i in order)
        {
            if (!front.Any(f => WeaklyDominates(points[f], points[i])))
                front.Add(i);
        }

        return front;
    }

    /// <summary>
    /// Recomputes <see cref="PointRow.Pareto"/> for the default objectives (PE count vs latency), the sweep's original front.
    /// </summary>
    public static void Mark(IList<PointRow> rows) => Mark(rows, Objective.Defaults);

    /// <summary>
    /// Recomputes <see cref="PointRow.Pareto"/>: true for ok rows on the front of <paramref name="objectives"/> (each
    /// as its <see cref="Objective.Cost"/>, so maximised metrics count too) within their own workload, false for every
    /// other row. Comparing across workloads would be meaningless (different work). Two objectives take the 2-D path.
    /// A row with an objective that is unknown (NaN: e.g. the energy of a measured CPU tile without <c>costs:</c>) cannot
    /// be ranked and is never on the front.
    /// </summary>
    public static void Mark(IList<PointRow> rows, IReadOnlyList<Objective> objectives)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(objectives);
        if (objectives.Count == 0)
            throw new ArgumentException("a Pareto front needs at least one objective", nameof(objectives));
        foreach (var row in rows)
            row.Pareto = false;

        var ranked = rows.Where(r => RowStatus.IsOk(r) && objectives.All(o => !double.IsNaN(o.Cost(r))));
        foreach (var group in ranked.GroupBy(r => r.Workload, StringComparer.Ordinal))
        {
            var members = group.ToList();
            var front = objectives.Count == 2
                ? Indices(members.Select(r => (objectives[0].Cost(r), objectives[1].Cost(r))).ToList())
                : Indices(members.Select(r => objectives.Select(o => o.Cost(r)).ToArray()).ToList());
            foreach (int i in front)
                members[i].Pareto = true;
        }
    }

    /// <summary>a ≤ b in every coordinate (a dominates b, or equals it).</summary>
    private static bool WeaklyDominates(double[] a, double[] b)
    {
        for (int d = 0; d < a.Length; d++)
        {
            if (a[d] > b[d])
                return false;
        }

        return true;
    }
}
