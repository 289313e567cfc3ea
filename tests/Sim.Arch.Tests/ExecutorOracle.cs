using Sim.Core.Reference;

namespace Sim.Arch.Tests;

/// <summary>
/// The checks every functional executor shares: seeded random operands, the executor run through a
/// <c>(a, b, m, n, k) =&gt; Z</c> delegate (the engine's spec bound in the lambda), and the result compared with
/// <see cref="ReferenceGemm"/>. Engine-specific checks (rounding order, schedules) stay in each engine's tests.
/// </summary>
internal static class ExecutorOracle
{
    public static sbyte[] RandomInt8(Random rng, int count) =>
        Enumerable.Range(0, count).Select(_ => (sbyte)rng.Next(-128, 128)).ToArray();

    public static float[] RandomFloat(Random rng, int count) =>
        Enumerable.Range(0, count).Select(_ => (float)(rng.NextDouble() * 2 - 1)).ToArray();

    /// <summary>Random int8 operands (seeded by the shape): the int32 result must equal the reference exactly.</summary>
    public static void AssertInt8MatchesReference(int m, int n, int k, Func<sbyte[], sbyte[], int, int, int, int[]> run)
    {
        var rng = new Random(m * 7919 + n * 31 + k);
        var a = RandomInt8(rng, m * k);
        var b = RandomInt8(rng, k * n);
        Assert.Equal(ReferenceGemm.Int8(a, b, m, n, k), run(a, b, m, n, k));
    }

    /// <summary>
    /// Random fp32 operands in [-1, 1) (seeded by the shape): every element within <paramref name="tolerance"/> of the
    /// reference, relative to Σ|a·b|.
    /// </summary>
    public static void AssertFp32WithinScaledTolerance(
        int m, int n, int k, double tolerance, Func<float[], float[], int, int, int, float[]> run)
    {
        var rng = new Random(m * 104729 + n * 17 + k);
        var a = RandomFloat(rng, m * k);
        var b = RandomFloat(rng, k * n);
        var expected = ReferenceGemm.Fp32(a, b, m, n, k);
        var scale = ReferenceGemm.AbsoluteProductSums(a, b, m, n, k);
        var actual = run(a, b, m, n, k);
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            // Relative to Σ|a·b|: the scale fp32 rounding error grows with, immune to cancellation.
            var error = Math.Abs(expected[i] - actual[i]) / Math.Max(scale[i], 1e-30);
            Assert.True(error <= tolerance, $"element {i}: {actual[i]} vs {expected[i]} (relative {error:g3})");
        }
    }

    /// <summary>
    /// A deep reduction (33x20, K = 1000) of positive fp32 operands in [0, 1): every element within
    /// <paramref name="tolerance"/> of the reference, elementwise relative.
    /// </summary>
    public static void AssertFp32PositiveK1000WithinElementwiseTolerance(
        double tolerance, Func<float[], float[], int, int, int, float[]> run)
    {
        // Positive operands: no cancellation, so plain elementwise relative error is the right measure.
        var rng = new Random(1000);
        const int m = 33, n = 20, k = 1000;
        var a = Enumerable.Range(0, m * k).Select(_ => (float)rng.NextDouble()).ToArray();
        var b = Enumerable.Range(0, k * n).Select(_ => (float)rng.NextDouble()).ToArray();
        var expected = ReferenceGemm.Fp32(a, b, m, n, k);
        var actual = run(a, b, m, n, k);
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance * Math.Abs(expected[i]), $"element {i}: {actual[i]} vs {expected[i]}");
    }
}
