using CsCheck;
using Sim.Arch.Native;
using Sim.Arch.Native.Cpu;
using Sim.Core.Reference;

namespace Sim.Arch.Tests.Native.Cpu;

/// <summary>
/// Our fp32 GEMM against the fp64-accumulating oracle on every instruction path (a path this CPU lacks runs emulated),
/// within the standard dot-product bound |ẑ − z| ≤ γ_K·Σ_p|a_ip·b_pj| with γ_K = K·u/(1 − K·u), u = 2⁻²⁴, plus one more
/// u for rounding the oracle itself to fp32 (γ_{K+1}). The bound holds for any summation order and blocking.
/// </summary>
public class GemmF32Tests
{
    public static TheoryData<int, int, int> Shapes => new()
    {
        { 1, 1, 1 }, { 2, 3, 5 }, { 7, 13, 11 }, { 13, 33, 17 }, { 12, 32, 256 }, { 25, 65, 257 }, { 145, 31, 9 },
        { 97, 101, 103 }, { 1, 200, 3 }, { 200, 1, 3 }, { 3, 3, 300 },
        // Past every standard KC (256 and 512): full tiles then accumulate in C across depth blocks.
        { 50, 70, 1100 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Every_path_and_thread_count_is_within_the_dot_product_bound(int m, int n, int k)
    {
        var (a, b) = Operands(m, n, k, seed: m * 1000 + n * 10 + k);
        foreach (var isa in Enum.GetValues<CpuIsa>())
        {
            foreach (var threads in new[] { 1, 2, 3 })
            {
                using var run = new CpuGemmF32Run(a, b, m, n, k, isa, threads);
                run.Run();
                AssertWithinBound(a, b, m, n, k, run.Result(), $"{isa} {threads} threads");
            }
        }
    }

    [Fact]
    public void Shrunken_blocks_cross_every_nc_kc_mc_edge()
    {
        // NC = 2 NR, KC = 5, MC = 2 MR: a 37×71×23 problem has partial blocks at every level of the loop nest.
        const int m = 37, n = 71, k = 23;
        var (a, b) = Operands(m, n, k, seed: 11);
        foreach (var isa in Enum.GetValues<CpuIsa>())
        {
            var standard = SgemmBlocking.For(isa, 2);
            var small = standard with { BlockM = 2 * standard.TileM, BlockN = 2 * standard.TileN, BlockK = 5 };
            using var run = new CpuGemmF32Run(a, b, m, n, k, isa, 2, small);
            run.Run();
            AssertWithinBound(a, b, m, n, k, run.Result(), $"{isa} small blocks");
        }
    }

    [Fact]
    public void Results_are_identical_across_thread_counts_and_repeated_runs()
    {
        const int m = 61, n = 47, k = 1100; // three standard depth blocks on every path
        var (a, b) = Operands(m, n, k, seed: 3);
        using var one = new CpuGemmF32Run(a, b, m, n, k, CpuIsaPaths.Best, 1);
        using var three = new CpuGemmF32Run(a, b, m, n, k, CpuIsaPaths.Best, 3);
        one.Run();
        var first = one.Result();
        one.Run();
        three.Run();
        Assert.Equal(first, one.Result());
        Assert.Equal(first, three.Result());
    }

    [Fact]
    public void Random_shapes_on_random_paths_stay_within_the_bound() =>
        Gen.Select(Gen.Int[1, 40], Gen.Int[1, 70], Gen.Int[1, 40], Gen.Enum<CpuIsa>(), Gen.Int[1, 4], Gen.Int[0, 1000])
            .Sample((m, n, k, isa, threads, seed) =>
            {
                var (a, b) = Operands(m, n, k, seed);
                using var run = new CpuGemmF32Run(a, b, m, n, k, isa, threads);
                run.Run();
                AssertWithinBound(a, b, m, n, k, run.Result(), $"{isa} {threads} threads");
            }, iter: 60);

    [Fact]
    public void A_blocking_that_does_not_fit_the_kernel_is_refused()
    {
        var (a, b) = Operands(4, 4, 4, seed: 1);
        var standard = SgemmBlocking.For(CpuIsa.Vector256, 1);
        Assert.Throws<ArgumentException>(() => new CpuGemmF32Run(a, b, 4, 4, 4, CpuIsa.Vector256, 1, standard with { TileM = 4 }));
        Assert.Throws<ArgumentException>(() => new CpuGemmF32Run(a, b, 4, 4, 4, CpuIsa.Vector256, 1, standard with { BlockM = 7 }));
    }

    [Fact]
    public void Thread_rows_cover_m_in_whole_tiles_without_overlap()
    {
        foreach (var (m, tile, threads) in new[] { (1, 12, 2), (25, 12, 2), (145, 6, 3), (100, 4, 7) })
        {
            var ranges = Enumerable.Range(0, threads).Select(t => SgemmBlocking.ThreadRows(m, tile, threads, t)).ToList();
            Assert.Equal(0, ranges[0].Start);
            Assert.Equal(m, ranges[^1].End);
            for (var t = 1; t < threads; t++)
                Assert.Equal(ranges[t - 1].End, ranges[t].Start);
            Assert.All(ranges.Where(r => r.End < m), r => Assert.Equal(0, r.End % tile));
        }
    }

    internal static (float[] A, float[] B) Operands(int m, int n, int k, int seed)
    {
        var random = new Random(seed);
        // Mixed signs and magnitudes spanning 2^±8, so cancellation and rounding are both exercised.
        float Next() => (float)((random.NextDouble() * 2 - 1) * Math.Pow(2, random.Next(-8, 9)));
        return ([.. Enumerable.Range(0, m * k).Select(_ => Next())], [.. Enumerable.Range(0, k * n).Select(_ => Next())]);
    }

    internal static void AssertWithinBound(float[] a, float[] b, int m, int n, int k, float[] actual, string label)
    {
        var expected = ReferenceGemm.Fp32(a, b, m, n, k);
        var scale = ReferenceGemm.AbsoluteProductSums(a, b, m, n, k);
        var u = Math.Pow(2, -24);
        var gamma = (k + 1) * u / (1 - (k + 1) * u);
        Assert.Equal(m * n, actual.Length);
        for (var i = 0; i < actual.Length; i++)
        {
            var error = Math.Abs((double)actual[i] - expected[i]);
            Assert.True(error <= gamma * scale[i], $"{label} M={m} N={n} K={k}: C[{i / n},{i % n}] = {actual[i]} vs {expected[i]} (error {error:e3} > bound {gamma * scale[i]:e3})");
        }
    }
}
