namespace Sim.Explorer.Verify;

/// <summary>
/// How one path's output compares with the oracle: the largest |err| and the bound of that element, the largest
/// |err|/bound over all elements (ok ⇔ it is ≤ 1; for exact checks 0 or ∞), and whether every element is within its bound.
/// </summary>
public sealed record Comparison(double MaxAbsError, double Bound, double WorstRatio, bool Ok, string Note)
{
    public static Comparison Failed(string why) => new(double.NaN, double.NaN, double.NaN, false, why);
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

        return new(worst, 0, mismatches == 0 ? 0 : double.PositiveInfinity, mismatches == 0, mismatches == 0 ? "" : $"{mismatches} of {actual.Length} elements differ");
    }

    /// <summary>Ok when |actual_i − expected_i| ≤ bound_i for every i (NaN fails).</summary>
    public static Comparison Within(ReadOnlySpan<float> actual, ReadOnlySpan<double> expected, ReadOnlySpan<double> bound)
    {
        var widened = new double[actual.Length];
        for (var i = 0; i < actual.Length; i++)
            widened[i] = actual[i];
        return Within(widened, expected, bound);
    }

    /// <summary>
    /// As above for doubles. MaxAbsError is the largest finite error (a NaN element must not hide how far off the rest
    /// are); NaN errors are counted in the note, and they fail the check.
    /// </summary>
    public static Comparison Within(ReadOnlySpan<double> actual, ReadOnlySpan<double> expected, ReadOnlySpan<double> bound)
    {
        if (actual.Length != expected.Length || bound.Length != expected.Length)
            return Comparison.Failed($"{actual.Length} elements, expected {expected.Length}");
        double worstRatio = 0, maxError = double.NaN, maxErrorBound = double.NaN;
        int outside = 0, nans = 0;
        for (var i = 0; i < actual.Length; i++)
        {
            var err = Math.Abs(actual[i] - expected[i]);
            if (!(err <= bound[i])) outside++; // NaN is never within
            if (double.IsNaN(err))
            {
                nans++;
                worstRatio = double.PositiveInfinity;
                continue;
            }

            var ratio = bound[i] > 0 ? err / bound[i] : err > 0 ? double.PositiveInfinity : 0;
            worstRatio = Math.Max(worstRatio, ratio);
            if (!(err <= maxError)) // the first finite error, then every larger one
                (maxError, maxErrorBound) = (err, bound[i]);
        }

        var note = outside == 0 ? "" : $"{outside} of {actual.Length} elements outside the bound";
        if (nans > 0)
            note += $" ({nans} NaN)";
        if (actual.Length == 0)
            (maxError, maxErrorBound) = (0, 0);
        return new(maxError, maxErrorBound, worstRatio, outside == 0, note); // NaN, NaN only when every error is NaN
    }
}
