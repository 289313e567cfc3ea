using Sim.Arch.Native;
using Sim.Core.Reference;

namespace Sim.Arch.Tests.Native.Gpu;

/// <summary>The tiled GEMM kernels on the emulated GPU against <see cref="ReferenceGemm"/>: shapes that are not tile multiples.</summary>
[Collection(GpuEmulatedGroup.Name)]
public class GpuGemmTests(GpuEmulatedFixture fixture)
{
    private readonly INativeTarget _gpu = fixture.Target;

    private float[] RunF32(float[] a, float[] b, int m, int n, int k)
    {
        using var run = _gpu.GemmF32(a, b, m, n, k);
        run.Run();
        return run.Result();
    }

    private int[] RunInt8(sbyte[] a, sbyte[] b, int m, int n, int k)
    {
        using var run = _gpu.GemmInt8(a, b, m, n, k);
        run.Run();
        return run.Result();
    }

    // fp32 sums of K ≤ 64 terms: each element within 64·2⁻²⁴ ≈ 4e-6 of Σ|a·b| (the dot-product bound); 1e-5 allows that.
    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(17, 33, 5)]
    [InlineData(5, 3, 40)]
    [InlineData(64, 64, 64)]
    public void Fp32_gemm_matches_the_reference_within_the_dot_product_bound(int m, int n, int k) =>
        ExecutorOracle.AssertFp32WithinScaledTolerance(m, n, k, 1e-5, RunF32);

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(17, 33, 5)]
    [InlineData(64, 64, 64)]
    public void Int8_gemm_is_exact(int m, int n, int k) => ExecutorOracle.AssertInt8MatchesReference(m, n, k, RunInt8);

    [Fact]
    public void Int8_gemm_is_exact_at_the_extremes()
    {
        // -128·-128 summed 64 times is 2²⁰; alternating signs mix the largest positive and negative products.
        const int m = 3, n = 18, k = 64;
        var a = Enumerable.Range(0, m * k).Select(i => (sbyte)(i % 3 == 0 ? -128 : i % 3 == 1 ? 127 : -128)).ToArray();
        var b = Enumerable.Range(0, k * n).Select(i => (sbyte)(i % 2 == 0 ? -128 : 127)).ToArray();
        var expected = ReferenceGemm.Int8(a, b, m, n, k);
        Assert.Equal(expected, RunInt8(a, b, m, n, k));
        var allMin = Enumerable.Repeat((sbyte)-128, 64).ToArray();
        Assert.Equal([1 << 20], RunInt8(allMin, allMin, 1, 1, 64));
    }

    [Fact]
    public void Int8_gemm_accepts_k_up_to_2_pow_17_minus_1_and_rejects_one_more()
    {
        // K = 2¹⁷ − 1 all-(−128) sums to 131071·16384 = 2³¹ − 16384, the largest that fits; K = 2¹⁷ would be 2³¹.
        // (Only prepared, not run: the emulator needs ~30 s for that K.)
        const int maxK = (1 << 17) - 1;
        Assert.Equal(maxK, (int)((long)int.MaxValue / (128 * 128)));
        var allMin = Enumerable.Repeat((sbyte)-128, maxK).ToArray();
        using (_gpu.GemmInt8(allMin, allMin, 1, 1, maxK))
        {
        }

        var over = Enumerable.Repeat((sbyte)-128, maxK + 1).ToArray();
        var e = Assert.Throws<ArgumentException>(() => _gpu.GemmInt8(over, over, 1, 1, maxK + 1));
        Assert.Contains("K = 131072 exceeds 131071", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_repeats_and_empty_shapes_give_empty_or_zero_outputs()
    {
        using var run = _gpu.GemmF32([1, 2, 3, 4], [5, 6, 7, 8], 2, 2, 2);
        run.Run();
        run.Run();
        Assert.Equal([19f, 22f, 43f, 50f], run.Result());
        Assert.Empty(RunF32([], [1, 2], 0, 2, 1));
        Assert.Equal([0, 0, 0, 0, 0, 0], RunInt8([], [], 2, 3, 0));
    }

    [Fact]
    public void Operand_lengths_that_do_not_match_the_shape_are_rejected() =>
        Assert.Throws<ArgumentException>(() => _gpu.GemmF32([1, 2, 3], [1, 2], 2, 1, 2));
}
