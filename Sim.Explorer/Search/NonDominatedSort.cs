namespace Sim.Explorer.Search;

/// <summary>
/// NSGA-II's ranking: fast non-dominated sort into fronts (rank 0 = non-dominated) and crowding distance within a
/// front. Costs are minimised; a null cost vector (infeasible) is dominated by every feasible one and, among
/// infeasibles, by none — they form the last front together.
/// </summary>
public static class NonDominatedSort
{
    /// <summary>True if <paramref name="a"/> is ≤ <paramref name="b"/> everywhere and &lt; somewhere.</summary>
    public static bool Dominates(double[]? a, double[]? b)
    {
        if (a is null)
            return false;
        if (b is null)
            return true;
        bool strictly = false;
        for (int i = 0; i < a.Length; i++)
        {
            if (a[i] > b[i])
                return false;
            if (a[i] < b[i])
                strictly = true;
        }

        return strictly;
    }

    /// <summary>The fronts, best first; each lists indices into <paramref name="costs"/> in ascending index order.</summary>
    public static List<List<int>> Fronts(IReadOnlyList<double[]?> costs)
    {
        ArgumentNullException.ThrowIfNull(costs);
        int n = costs.Count;
        var dominatedBy = new int[n];               // how many points dominate i
        var dominates = new List<int>[n];           // which points i dominates
        for (int i = 0; i < n; i++)
            dominates[i] = [];
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                if (Dominates(costs[i], costs[j]))
                {
                    dominates[i].Add(j);
                    dominatedBy[j]++;
                }
                else if (Dominates(costs[j], costs[i]))
                {
                    dominates[j].Add(i);
                    dominatedBy[i]++;
                }
            }
        }

        var fronts = new List<List<int>>();
        var current = Enumerable.Range(0, n).Where(i => dominatedBy[i] == 0).ToList();
        while (current.Count > 0)
        {
            fronts.Add(current);
            var next = new List<int>();
            foreach (int i in current)
            {
                foreach (int j in dominates[i])
                {
                    if (--dominatedBy[j] == 0)
                        next.Add(j);
                }
            }

            next.Sort();
            current = next;
        }

        return fronts;
    }

    /// <summary>
    /// Crowding distance of each member of one front (same order as <paramref name="front"/>): per objective, the
    /// normalised gap between a point's neighbours; the extremes get +∞ so the front's ends are always kept. Ties in an
    /// objective are broken by index, so the result does not depend on the sort's stability.
    /// </summary>
    public static double[] CrowdingDistance(IReadOnlyList<double[]?> costs, IReadOnlyList<int> front)
    {
        ArgumentNullException.ThrowIfNull(costs);
        ArgumentNullException.ThrowIfNull(front);
        var distance = new double[front.Count];
        if (front.Count == 0 || costs[front[0]] is null)
            return distance; // infeasibles carry no objective values: no crowding among them
        int objectives = costs[front[0]]!.Length;
        var order = new int[front.Count];
        for (int m = 0; m < objectives; m++)
        {
            for (int i = 0; i < order.Length; i++)
                order[i] = i;
            Array.Sort(order, (a, b) =>
            {
                int c = costs[front[a]]![m].CompareTo(costs[front[b]]![m]);
                return c != 0 ? c : front[a].CompareTo(front[b]);
            });
            double low = costs[front[order[0]]]![m], high = costs[front[order[^1]]]![m];
            distance[order[0]] = double.PositiveInfinity;
            distance[order[^1]] = double.PositiveInfinity;
            if (high <= low)
                continue;
            for (int i = 1; i < order.Length - 1; i++)
                distance[order[i]] += (costs[front[order[i + 1]]]![m] - costs[front[order[i - 1]]]![m]) / (high - low);
        }

        return distance;
    }
}
