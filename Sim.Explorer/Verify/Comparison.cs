namespace Sim.Explorer.Verify;

/// <summary>
/// How one path's output compares with the oracle: the element with the largest |err|/bound (for exact checks: the
/// largest |err|), its error and bound, and whether every element is within its bound.
/// </summary>
public sealed record Comparison(double MaxAbsError, double Bound, bool Ok, string Note)
{
    public static Comparison Failed(string why) => new(double.NaN, double.NaN, false, why);
}

/// <summary>The comparison rules: integers exactly, floats elementwise within a stated bound (NaN never passes).</summary>
public static class Compare
{
    public static Comparison Exact(ReadOnlySpan<int> actual, ReadOnlySpan<int> expected)
    {
        if (actual.Length != expected.Length)
            return Comparison.Failed($"{actual.Length} elements, expected {expected.Length}");
        long worst = 0;
        var mismatches = 0;
        for (var i = 0; i < actual.Length; i++)
        {
            var err = Math.Abs((long)actual[i] - expected[i]);
            worst = Math.Max(worst, err);
            if (err != 0) mismatches++;
        }

        return new(worst, 0, mismatches == 0, mismatches == 0 ? "" : $"{mismatches} elements differ");
    }

    /// <summary>Ok when |actual_i − expected_i| ≤ bound_i for every i; reports the element with the largest ratio.</summary>
    public static Comparison Within(ReadOnlySpan<float> actual, ReadOnlySpan<double> expected, ReadOnlySpan<double> bound)
    {
        var widened = new double[actual.Length];
        for (var i = 0; i < actual.Length; i++)
            widened[i] = actual[i];
        return Within(widened, expected, bound);
    }

    public static Comparison Within(ReadOnlySpan<double> actual, ReadOnlySpan<double> expected, ReadOnlySpan<double> bound)
    {
        if (actual.Length != expected.Length || bound.Length != expected.Length)
            return Comparison.Failed($"{actual.Length} elements, expected {expected.Length}");
        var worstRatio = -1.0;
        double worstError = 0, worstBound = 0;
        var outside = 0;
        for (var i = 0; i < actual.Length; i++)
        {
            var err = Math.Abs(actual[i] - expected[i]);
            var within = err <= bound[i]; // false for NaN
            if (!within) outside++;
            var ratio = double.IsNaN(err) ? double.PositiveInfinity : bound[i] > 0 ? err / bound[i] : err > 0 ? double.PositiveInfinity : 0;
            if (ratio > worstRatio)
                (worstRatio, worstError, worstBound) = (ratio, err, bound[i]);
        }

        return new(worstError, worstBound, outside == 0, outside == 0 ? "" : $"{outside} elements outside the bound");
    }
}
