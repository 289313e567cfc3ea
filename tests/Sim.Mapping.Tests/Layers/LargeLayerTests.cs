using Sim.Arch.LoopNest;
using Sim.Core.Config;
using Sim.Core.Mapping;
using Sim.Core.Workloads;
using Sim.Mapping.Layers;

namespace Sim.Mapping.Tests.Layers;

/// <summary>
/// Layers whose naive variable bounds (products of per-level bounds, MACs²) exceed CP-SAT's 2^62 domains: the review
/// found BERT's projections and a prime GEMM aborting `sim map` with an invalid model. Every count is ≤ MACs, and the
/// mapper must say so in its domains.
/// </summary>
public class LargeLayerTests
{
    private static LoopNestHierarchy TpuLike() => LoopNestHierarchy.FromArch(ArchYaml.Load(Path.Combine(RepoPaths.Workloads, "arch", "tpu_like.yaml")));

    [Theory]
    [InlineData(512, 768, 768)]      // BERT-base attn.q: 3.0e8 MACs, MACs² · 62 > 2^62
    [InlineData(512, 768, 3072)]     // ffn.fc2
    [InlineData(4096, 4096, 4096)]   // 6.9e10 MACs
    public void Large_gemms_map_to_proven_optima(long m, long n, long k)
    {
        var result = CpSatLayerMapper.Map(LoopNestProblem.FromGemm("g", new GemmShape(m, n, k)), TpuLike(), new LayerMapperOptions(TimeLimitSeconds: 30));
        Assert.True(result.Status == MapStatus.Optimal, $"{result.Status}: {result.Reason}");
        Assert.True(result.Cost!.Feasible);
    }

    [Fact]
    public void A_gemm_of_three_large_primes_can_only_be_streamed_one_element_at_a_time()
    {
        // 1021, 1031 and 1033 are prime and exceed 32, so nothing can go on the array: one PE computes every MAC,
        // so any schedule takes at least MACs cycles.
        var result = CpSatLayerMapper.Map(LoopNestProblem.FromGemm("p", new GemmShape(1021, 1031, 1033)), TpuLike(), new LayerMapperOptions(TimeLimitSeconds: 30));
        Assert.Equal(MapStatus.Optimal, result.Status);
        Assert.Equal(1L, result.Mapping!.SpatialTotal.Product);
        Assert.True(result.Cost!.LatencyCycles >= 1021L * 1031 * 1033);
    }
}
