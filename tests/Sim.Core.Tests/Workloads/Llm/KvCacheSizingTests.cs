using Sim.Core.Workloads.Llm;

namespace Sim.Core.Tests.Workloads.Llm;

public class KvCacheSizingTests
{
    [Fact]
    public void Gpt3_7b_tp4_kv_bytes_by_hand()
    {
        var m = LlmPresets.Gpt3Of7B;
        // 2 (K,V) · 8 heads · 128 · 2 B = 4 KB per token per layer; 32 layers.
        Assert.Equal(4096, KvCacheSizing.BytesPerTokenPerLayerPerDevice(m));
        Assert.Equal(4096L * 32, KvCacheSizing.BytesPerTokenPerDevice(m));
        Assert.Equal(4096L * 32 * 1024, KvCacheSizing.RequestBytesPerDevice(m, 1024)); // 128 MiB
        Assert.Equal(100_663_296L * 32, KvCacheSizing.WeightBytesPerDevice(m));
    }

    [Fact]
    public void Pipeline_stages_hold_a_share_of_the_layers()
    {
        var m = LlmPresets.Gpt3Of175B; // tp 8, pp 4: 24 layers per device, 12 heads per device
        Assert.Equal(2L * 12 * 128 * 2, KvCacheSizing.BytesPerTokenPerLayerPerDevice(m));
        Assert.Equal(2L * 12 * 128 * 2 * 24, KvCacheSizing.BytesPerTokenPerDevice(m));
        Assert.Equal(12L * 12288 * 12288 * 2 / 8 * 24, KvCacheSizing.WeightBytesPerDevice(m));
    }

    [Fact]
    public void Gqa_stores_only_kv_heads()
    {
        var m = LlmPresets.Llama7B with { KvHeads = 8 };
        Assert.Equal(2L * 8 * 128 * 2, KvCacheSizing.BytesPerTokenPerLayerPerDevice(m));
    }

    [Fact]
    public void Capacity_check_is_a_value_with_a_reason()
    {
        var m = LlmPresets.Gpt3Of7B;
        const long capacity = 32L << 30;
        // 256 × 1024 tokens × 128 KiB = 32 GiB of KV alone, plus 3 GiB of weights: does not fit 32 GiB.
        var big = KvCacheSizing.Check(m, DecodeBatch.Uniform(256, 1024), capacity);
        Assert.False(big.Feasible);
        Assert.Equal(32L << 30, big.KvBytes);
        Assert.Equal(3L << 30, big.WeightBytes);
        Assert.Contains("needs", big.Reason, StringComparison.Ordinal);
        var half = KvCacheSizing.Check(m, DecodeBatch.Uniform(128, 1024), capacity);
        Assert.True(half.Feasible);
        Assert.Equal((16L << 30) + (3L << 30), half.NeedBytes);
    }

    [Fact]
    public void Pipeline_parallel_models_keep_kv_for_every_batch_in_flight()
    {
        // GPT-3 30B: tp 4, pp 2 → 24 layers per device, 14 heads per device: 2 · 14 · 128 · 2 B · 24 = 172,032 B per token.
        // B = 128 at L = 1024: 21 GiB for one batch, 42 GiB for the two batches the two stages hold — over 32 GiB.
        var m = LlmPresets.Gpt3Of30B;
        var check = KvCacheSizing.Check(m, DecodeBatch.Uniform(128, 1024), 32L << 30);
        Assert.Equal(2L * 172_032 * 128 * 1024, check.KvBytes);
        Assert.False(check.Feasible);
        Assert.Contains("× 2 batches in flight", check.Reason, StringComparison.Ordinal);
    }
}
