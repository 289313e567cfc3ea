namespace Sim.Explorer.Sweeps.Space;

/// <summary>
/// Latin hypercube sampling in unit coordinates: each of the k dimensions is cut into n equal strata and each stratum
/// holds exactly one of the n samples. Per dimension, in order: a Fisher–Yates permutation of the strata (rng.Next),
/// then one uniform jitter inside each sample's stratum (rng.NextDouble). <see cref="Random"/> with a seed is
/// deterministic across runs and .NET versions (a seeded instance keeps the legacy algorithm), so a (spec, seed) always
/// gives the same samples.
/// </summary>
public static class LatinHypercube
{
    /// <summary>n samples of k unit coordinates in [0, 1): <c>result[i][d]</c> lies in stratum <c>perm_d[i]</c>.</summary>
    public static double[][] Sample(int n, int k, Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        var samples = new double[n][];
        for (var i = 0; i < n; i++)
            samples[i] = new double[k];
        var strata = new int[n];
        for (var d = 0; d < k; d++)
        {
            for (var i = 0; i < n; i++)
                strata[i] = i;
            for (var i = n - 1; i > 0; i--)
            {
                var j = rng.Next(i + 1);
                (strata[i], strata[j]) = (strata[j], strata[i]);
            }

            for (var i = 0; i < n; i++)
                samples[i][d] = Math.Min((strata[i] + rng.NextDouble()) / n, Math.BitDecrement(1.0));
        }

        return samples;
    }
}
