using Sim.Arch.Systolic;
using Sim.Core.Hardware;
using Sim.Core.Reference;

namespace Sim.Arch.Tests.Systolic;

public class SystolicExecutorTests
{
    public static TheoryData<int, int, int, int, int, Dataflow> Cases()
    {
        var data = new TheoryData<int, int, int, int, int, Dataflow>();
        foreach (var df in new[] { Dataflow.Os, Dataflow.Ws, Dataflow.Is })
        {
            data.Add(1, 1, 1, 4, 4, df);
            data.Add(7, 5, 3, 4, 4, df);     // every fold partial
            data.Add(1, 100, 300, 32, 8, df);  // GEMV
            data.Add(100, 30, 100, 32, 8, df); // odd shapes on a non-square array
            data.Add(64, 64, 64, 16, 16, df);  // exact fit
            data.Add(33, 17, 65, 8, 32, df);   // wide array
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Int8_result_equals_reference_exactly(int m, int n, int k, int rows, int cols, Dataflow df)
    {
        var rng = new Random(m * 7919 + n * 31 + k);
        var a = RandomInt8(rng, m * k);
        var b = RandomInt8(rng, k * n);
        var expected = ReferenceGemm.Int8(a, b, m, n, k);
        var actual = SystolicExecutor.RunInt8(new SystolicSpec(rows, cols, df), a, b, m, n, k);
        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fp32_result_is_within_1e5_relative_of_reference(int m, int n, int k, int rows, int cols, Dataflow df)
    {
        var rng = new Random(m * 104729 + n * 17 + k);
        var a = RandomFloat(rng, m * k);
        var b = RandomFloat(rng, k * n);
        var expected = ReferenceGemm.Fp32(a, b, m, n, k);
        var scale = ReferenceGemm.AbsoluteProductSums(a, b, m, n, k);
        var actual = SystolicExecutor.RunFp32(new SystolicSpec(rows, cols, df), a, b, m, n, k);
        for (var i = 0; i < expected.Length; i++)
        {
            // Relative to Σ|a·b|: the scale fp32 rounding error grows with, immune to cancellation.
            var error = Math.Abs(expected[i] - actual[i]) / Math.Max(scale[i], 1e-30);
            Assert.True(error <= 1e-5, $"element {i}: {actual[i]} vs {expected[i]} (relative {error:g3})");
        }
    }

    [Theory]
    [InlineData(Dataflow.Os)]
    [InlineData(Dataflow.Ws)]
    [InlineData(Dataflow.Is)]
    public void Fp32_with_k_1000_is_within_1e5_elementwise_relative(Dataflow df)
    {
        // Positive operands: no cancellation, so plain elementwise relative error is the right measure.
        var rng = new Random(1000);
        const int m = 33, n = 20, k = 1000;
        var a = Enumerable.Range(0, m * k).Select(_ => (float)rng.NextDouble()).ToArray();
        var b = Enumerable.Range(0, k * n).Select(_ => (float)rng.NextDouble()).ToArray();
        var expected = ReferenceGemm.Fp32(a, b, m, n, k);
        var actual = SystolicExecutor.RunFp32(new SystolicSpec(32, 8, df), a, b, m, n, k);
        for (var i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-5 * Math.Abs(expected[i]), $"element {i}: {actual[i]} vs {expected[i]}");
    }

    [Fact]
    public void Int8_extremes_accumulate_without_overflow()
    {
        const int k = 1000;
        var a = Enumerable.Repeat((sbyte)-128, k).ToArray();
        var b = Enumerable.Repeat((sbyte)-128, k).ToArray();
        var z = SystolicExecutor.RunInt8(new SystolicSpec(4, 4, Dataflow.Ws), a, b, 1, 1, k);
        Assert.Equal(16384 * k, z[0]);
    }

    private static sbyte[] RandomInt8(Random rng, int count) =>
        Enumerable.Range(0, count).Select(_ => (sbyte)rng.Next(-128, 128)).ToArray();

    private static float[] RandomFloat(Random rng, int count) =>
        Enumerable.Range(0, count).Select(_ => (float)(rng.NextDouble() * 2 - 1)).ToArray();
}
