namespace Sim.Core.Workloads.Llm;

/// <summary>
/// A seeded, platform-independent distribution of per-request KV lengths: a log-normal with shape
/// <see cref="Sigma"/> whose untruncated mean is <see cref="MeanTokens"/>, rounded and clamped to
/// [<see cref="MinTokens"/>, <see cref="MaxTokens"/>]. Long-tailed like chat traffic: a few requests near the cap, most short.
/// Sampling uses its own SplitMix64 stream (never System.Random's default seeding), so a seed gives the same lengths
/// on every machine and runtime.
/// </summary>
public sealed record KvLengthDistribution(double MeanTokens, double Sigma, int MinTokens, int MaxTokens)
{
    /// <summary>
    /// ShareGPT-like default from NeuPIMs' request traces (../shared/research/pim-sparse-attn.md §A.1.4): the
    /// request-traces/clb/share-gpt2-bs512-ms7B-tp4-0 trace has mean seq_len 299.9 and max 2048; σ = 1 is our choice
    /// (the traces' spread is not tabulated in the notes). The clamp lowers the realised mean a little (≈ 290).
    /// </summary>
    public static KvLengthDistribution ShareGptLike { get; } = new(300, 1.0, 1, 2048);

    /// <summary><paramref name="count"/> lengths from <paramref name="seed"/>.</summary>
    public int[] Sample(int count, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (MeanTokens <= 0 || Sigma < 0 || MinTokens < 1 || MaxTokens < MinTokens)
            throw new ArgumentException($"invalid distribution {this}", nameof(count));
        var mu = Math.Log(MeanTokens) - Sigma * Sigma / 2;
        var state = seed;
        var lengths = new int[count];
        for (var i = 0; i < count; i++)
        {
            // Box–Muller on two uniforms in (0, 1].
            var u1 = NextUnit(ref state);
            var u2 = NextUnit(ref state);
            var z = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
            var x = Math.Round(Math.Exp(mu + Sigma * z));
            lengths[i] = (int)Math.Clamp(x, MinTokens, MaxTokens);
        }

        return lengths;
    }

    /// <summary>SplitMix64 (Steele et al. 2014), mapped to (0, 1] with 53 random bits.</summary>
    private static double NextUnit(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return ((z >> 11) + 1) * (1.0 / (1UL << 53));
    }
}
