using CsCheck;
using Sim.Core.Workloads.Llm;

namespace Sim.Core.Tests.Workloads.Llm;

public class DecodeBatchTests
{
    [Fact]
    public void Uniform_batch_has_equal_lengths()
    {
        var b = DecodeBatch.Uniform(4, 100);
        Assert.Equal(4, b.Size);
        Assert.Equal(400, b.TotalKvTokens);
        Assert.Equal(100, b.MaxKvLength);
        Assert.Equal([100, 100], b.Subset([1, 3]).KvLengths);
    }

    [Fact]
    public void Sampling_is_deterministic_per_seed_and_differs_across_seeds()
    {
        var d = KvLengthDistribution.ShareGptLike;
        Assert.Equal(d.Sample(512, 7), d.Sample(512, 7));
        Assert.NotEqual(d.Sample(512, 7), d.Sample(512, 8));
        Assert.Equal(DecodeBatch.Sampled(64, d, 3).KvLengths, DecodeBatch.Sampled(64, d, 3).KvLengths);
    }

    [Fact]
    public void Sharegpt_like_default_has_the_traces_mean_and_cap()
    {
        var lengths = KvLengthDistribution.ShareGptLike.Sample(20000, 1);
        // Untruncated mean 300 (NeuPIMs clb-0 trace: 299.9); clamping at 2048 trims ~1-3%.
        Assert.InRange(lengths.Average(), 280, 310);
        Assert.Equal(2048, lengths.Max());
        Assert.True(lengths.Min() >= 1);
        // Long tail: the median of a log-normal with σ = 1 is mean·e^(−1/2) ≈ 182.
        var sorted = lengths.Order().ToArray();
        Assert.InRange(sorted[sorted.Length / 2], 165, 200);
    }

    [Fact]
    public void Samples_stay_within_bounds()
    {
        Gen.Select(Gen.Double[1, 5000], Gen.Double[0, 2], Gen.Int[1, 50], Gen.Int[0, 4000], Gen.ULong)
            .Sample((mean, sigma, min, span, seed) =>
            {
                var d = new KvLengthDistribution(mean, sigma, min, min + span);
                return d.Sample(50, seed).All(l => l >= min && l <= min + span);
            });
    }
}
