namespace Sim.Core.Workloads.Llm;

/// <summary>
/// One decode step of a batch: request i generates one token attending to <see cref="KvLengths"/>[i] cached tokens
/// (its KV length, the new token included).
/// </summary>
public sealed record DecodeBatch(IReadOnlyList<int> KvLengths)
{
    public int Size => KvLengths.Count;

    public long TotalKvTokens => KvLengths.Sum(l => (long)l);

    public int MaxKvLength => KvLengths.Count == 0 ? 0 : KvLengths.Max();

    /// <summary><paramref name="batch"/> requests, all with <paramref name="kvLength"/> tokens.</summary>
    public static DecodeBatch Uniform(int batch, int kvLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batch, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(kvLength, 1);
        return new(Enumerable.Repeat(kvLength, batch).ToArray());
    }

    /// <summary><paramref name="batch"/> lengths drawn from <paramref name="distribution"/> with <paramref name="seed"/> (deterministic).</summary>
    public static DecodeBatch Sampled(int batch, KvLengthDistribution distribution, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        ArgumentOutOfRangeException.ThrowIfLessThan(batch, 1);
        return new(distribution.Sample(batch, seed));
    }

    /// <summary>The sub-batch made of the requests at <paramref name="indices"/>.</summary>
    public DecodeBatch Subset(IEnumerable<int> indices) => new(indices.Select(i => KvLengths[i]).ToArray());
}
