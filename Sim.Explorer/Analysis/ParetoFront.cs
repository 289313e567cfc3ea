using Sim.Explorer.Results;

namespace Sim.Explorer.Analysis;

/// <summary>
/// Pareto front when minimising both coordinates. A point is on the front if no other point is ≤ in both
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
    /// Recomputes <see cref="PointRow.Pareto"/>: true for ok rows on the (PE count, latency) front of their own
    /// workload, false for every other row. Comparing across workloads would be meaningless (different work).
    /// </summary>
    public static void Mark(IList<PointRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var row in rows)
            row.Pareto = false;

        foreach (var group in rows.Where(RowStatus.IsOk).GroupBy(r => r.Workload, StringComparer.Ordinal))
        {
            var members = group.ToList();
            var points = members.Select(r => ((double)r.PeCount, (double)r.LatencyCycles)).ToList();
            foreach (int i in Indices(points))
                members[i].Pareto = true;
        }
    }
}
