namespace Sim.Explorer.Verify;

/// <summary>
/// Deterministic operands: a case's name and the suite seed pick a <see cref="Random"/> stream (seeded Random is
/// stable across runs and platforms), so every run checks the same numbers.
/// </summary>
public static class VerifyOperands
{
    public const int DefaultSeed = 7;

    /// <summary>Uniform in [−1, 1): mixed signs make cancellation possible, as in real activations.</summary>
    public static float[] Floats(Random random, int count)
    {
        ArgumentNullException.ThrowIfNull(random);
        var values = new float[count];
        for (var i = 0; i < count; i++)
            values[i] = (float)((random.NextDouble() * 2) - 1);
        return values;
    }

    /// <summary>The whole int8 range, −128 and 127 included (products up to 2¹⁴ stress the int32 accumulation).</summary>
    public static sbyte[] Int8(Random random, int count)
    {
        ArgumentNullException.ThrowIfNull(random);
        var values = new sbyte[count];
        for (var i = 0; i < count; i++)
            values[i] = (sbyte)random.Next(sbyte.MinValue, sbyte.MaxValue + 1);
        return values;
    }

    /// <summary>A stream per case: FNV-1a of the name mixed with the seed (string.GetHashCode is randomised per process).</summary>
    public static Random For(string caseName, int seed)
    {
        ArgumentNullException.ThrowIfNull(caseName);
        var hash = 2166136261u;
        foreach (var c in caseName)
            hash = (hash ^ c) * 16777619u;
        return new Random(unchecked((int)hash ^ seed));
    }
}
