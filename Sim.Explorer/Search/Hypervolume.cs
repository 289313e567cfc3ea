namespace Sim.Explorer.Search;

/// <summary>
/// The hypervolume indicator (Zitzler &amp; Thiele 1998): the volume of objective space dominated by a set of cost
/// vectors and bounded by a reference point (all minimised). Exact, by slicing along the last objective
/// (HSO, While et al. 2006): fine for the fronts a sweep produces (hundreds of points, 2–4 objectives).
/// Points not strictly better than the reference in every objective add nothing.
/// </summary>
public static class Hypervolume
{
    public static double Of(IEnumerable<double[]> points, double[] reference)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(reference);
        var inside = points.Where(p => p.Length == reference.Length && p.Select((v, i) => v < reference[i]).All(b => b)).ToList();
        return Slice(inside, reference, reference.Length);
    }

    private static double Slice(List<double[]> points, double[] reference, int dimensions)
    {
        if (points.Count == 0)
            return 0;
        if (dimensions == 1)
            return reference[0] - points.Min(p => p[0]);
        if (dimensions == 2)
            return Area(points, reference);

        // Sweep the last objective upwards: between consecutive values, the slab's cross-section is the
        // (d−1)-dimensional hypervolume of every point at or below it.
        int last = dimensions - 1;
        var sorted = points.OrderBy(p => p[last]).ToList();
        double volume = 0;
        var active = new List<double[]>();
        for (int i = 0; i < sorted.Count; i++)
        {
            active.Add(sorted[i]);
            double top = i + 1 < sorted.Count ? sorted[i + 1][last] : reference[last];
            double height = top - sorted[i][last];
            if (height > 0)
                volume += height * Slice(active, reference, last); // dominated points add no area: no need to filter
        }

        return volume;
    }

    /// <summary>2-D area: sort by the first objective and add the rectangles of the staircase.</summary>
    private static double Area(List<double[]> points, double[] reference)
    {
        double area = 0, bestY = reference[1];
        foreach (var p in points.OrderBy(p => p[0]).ThenBy(p => p[1]))
        {
            if (p[1] >= bestY)
                continue;
            area += (reference[0] - p[0]) * (bestY - p[1]);
            bestY = p[1];
        }

        return area;
    }
}
