using CsCheck;
using Sim.Arch.Native.Cpu;
using Sim.Core.Reference;

namespace Sim.Arch.Tests.Native.Cpu;

/// <summary>int8 GEMM is exact: equal to the oracle on every path and thread count, including the extreme −128·−128 sums.</summary>
public class GemmInt8Tests
{
    public static TheoryData<int, int, int> Shapes => new()
    {
        { 1, 1, 1 }, { 1, 1, 2 }, { 2, 3, 5 }, { 9, 33, 7 }, { 7, 17, 13 }, { 31, 65, 129 }, { 97, 101, 103 }, { 1, 200, 3 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Every_path_equals_the_oracle_exactly(int m, int n, int k)
    {
        var random = new Random(m + 7 * n + 31 * k);
        var a = Enumerable.Range(0, m * k).Select(_ => (sbyte)random.Next(-128, 128)).ToArray();
        var b = Enumerable.Range(0, k * n).Select(_ => (sbyte)random.Next(-128, 128)).ToArray();
        AssertExact(a, b, m, n, k);
    }

    [Theory]
    [InlineData(-128, -128)]
    [InlineData(-128, 127)]
    [InlineData(127, 127)]
    public void Extreme_values_accumulate_without_saturation(int aValue, int bValue)
    {
        // K = 255 (odd: the last depth pair is half padding) of 16384-sized products: 4,177,920 per output at −128·−128.
        const int m = 9, n = 33, k = 255;
        var a = Enumerable.Repeat((sbyte)aValue, m * k).ToArray();
        var b = Enumerable.Repeat((sbyte)bValue, k * n).ToArray();
        var expected = AssertExact(a, b, m, n, k);
        Assert.All(expected, z => Assert.Equal(k * aValue * bValue, z));
    }

    [Fact]
    public void Random_shapes_are_exact() =>
        Gen.Select(Gen.Int[1, 30], Gen.Int[1, 70], Gen.Int[1, 60], Gen.Int[0, 10000])
            .Sample((m, n, k, seed) =>
            {
                var random = new Random(seed);
                var a = Enumerable.Range(0, m * k).Select(_ => (sbyte)random.Next(-128, 128)).ToArray();
                var b = Enumerable.Range(0, k * n).Select(_ => (sbyte)random.Next(-128, 128)).ToArray();
                AssertExact(a, b, m, n, k);
            }, iter: 25);

    [Fact]
    public void K_of_two_to_the_seventeenth_is_refused_because_its_extreme_sum_is_two_to_the_thirty_first()
    {
        const int k = 1 << 17;
        Assert.Throws<ArgumentException>(() => new CpuGemmInt8Run(new sbyte[k], new sbyte[k], 1, 1, k, CpuIsa.Scalar, 1));
    }

    [Fact]
    public void The_largest_accepted_K_is_exact_at_the_extremes()
    {
        const int k = CpuGemmInt8Run.MaxK;
        var ones = Enumerable.Repeat((sbyte)-128, k).ToArray();
        foreach (var isa in Enum.GetValues<CpuIsa>())
        {
            using var run = new CpuGemmInt8Run(ones, ones, 1, 1, k, isa, 1);
            run.Run();
            Assert.Equal((long)k * 128 * 128, run.Result()[0]); // 2^31 − 16384, by hand
        }
    }

    private static int[] AssertExact(sbyte[] a, sbyte[] b, int m, int n, int k)
    {
        var expected = ReferenceGemm.Int8(a, b, m, n, k);
        foreach (var isa in Enum.GetValues<CpuIsa>())
        {
            foreach (var threads in new[] { 1, 2, 3 })
            {
                using var run = new CpuGemmInt8Run(a, b, m, n, k, isa, threads);
                run.Run();
                run.Run(); // repeatable: a second run gives the same output (C is overwritten, not accumulated)
                Assert.True(expected.AsSpan().SequenceEqual(run.Result()), $"{isa} {threads} threads M={m} N={n} K={k}");
            }
        }

        return expected;
    }
}
