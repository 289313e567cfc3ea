using System.Globalization;
using Sim.Core.Workloads.Llm;

namespace Sim.Explorer.NpuPimSweeps;

/// <summary>
/// How a sweep point's per-request KV lengths are chosen: every request at one length, or drawn from the ShareGPT-like
/// distribution with the sweep's seed (the first B draws of one seeded stream, so a larger batch extends a smaller one).
/// </summary>
public sealed record KvSetting(string Label, int? UniformTokens)
{
    public const string ShareGpt = "sharegpt";

    public DecodeBatch Batch(int batchSize, ulong seed) => UniformTokens is { } tokens
        ? DecodeBatch.Uniform(batchSize, tokens)
        : DecodeBatch.Sampled(batchSize, KvLengthDistribution.ShareGptLike, seed);

    public static KvSetting Uniform(int tokens) => new(tokens.ToString(CultureInfo.InvariantCulture), tokens);

    public static KvSetting ShareGptLike { get; } = new(ShareGpt, null);
}
