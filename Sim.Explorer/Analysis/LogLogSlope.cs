namespace Sim.Explorer.Analysis;

/// <summary>
/// The exponent p of y ∝ x^p: the least-squares slope of log y on log x (the base cancels). Traffic that grows with
/// seq² has slope 2, with seq slope 1.
/// </summary>
public static class LogLogSlope
{
    /// <summary>NaN with fewer than two points or no spread in x; points with x or y ≤ 0 are an error.</summary>
    public static double Fit(IReadOnlyList<(double X, double Y)> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Any(p => p.X <= 0 || p.Y <= 0))
            throw new ArgumentException("log-log fits need positive x and y", nameof(points));
        if (points.Count < 2)
            return double.NaN;
        var xs = points.Select(p => Math.Log(p.X)).ToArray();
        var ys = points.Select(p => Math.Log(p.Y)).ToArray();
        double mx = xs.Average(), my = ys.Average();
        double sxx = xs.Sum(x => (x - mx) * (x - mx));
        double sxy = xs.Zip(ys).Sum(p => (p.First - mx) * (p.Second - my));
        return sxx == 0 ? double.NaN : sxy / sxx;
    }
}
