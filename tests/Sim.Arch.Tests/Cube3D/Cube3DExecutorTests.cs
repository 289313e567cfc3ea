using Sim.Arch.Cube3D;
using Sim.Core.Hardware;

namespace Sim.Arch.Tests.Cube3D;

public class Cube3DExecutorTests
{
    public static TheoryData<int, int, int, int, int, int> Cases() => new()
    {
        { 1, 1, 1, 1, 1, 1 },      // smallest everything
        { 1, 1, 1, 16, 16, 16 },   // one MAC on a DaVinci cube: 4095 idle slots, 15 zero leaves
        { 7, 5, 11, 4, 5, 3 },     // every fold partial, K0 not a power of two, partial last step
        { 1, 300, 100, 16, 16, 16 }, // GEMV
        { 100, 30, 100, 16, 8, 8 },  // odd shapes on a non-cubic cube
        { 64, 64, 64, 16, 16, 16 },  // exact fit
        { 33, 17, 65, 8, 32, 4 },    // deep tree, wide K step
        { 9, 13, 7, 3, 1, 5 },       // K0 = 1: no tree, sequential accumulation
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Int8_result_equals_reference_exactly(int m, int n, int k, int m0, int k0, int n0)
    {
        ExecutorOracle.AssertInt8MatchesReference(m, n, k, (a, b, m, n, k) => Cube3DExecutor.RunInt8(new Cube3DSpec(m0, k0, n0), a, b, m, n, k));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fp32_result_is_within_1e4_relative_of_reference(int m, int n, int k, int m0, int k0, int n0)
    {
        ExecutorOracle.AssertFp32WithinScaledTolerance(m, n, k, 1e-4, (a, b, m, n, k) => Cube3DExecutor.RunFp32(new Cube3DSpec(m0, k0, n0), a, b, m, n, k));
    }

    [Theory]
    // Products 1e8, 1, −1e8, 1 (B is all ones); exact sum 2. fp32 spacing at 1e8 is 8, so 1e8 ± 1 rounds back to ±1e8.
    // K0 = 4, one step: tree (1e8 + 1) + (−1e8 + 1) = 1e8 + (−1e8) = 0.
    [InlineData(4, 0f)]
    // K0 = 2, two steps: step sums 1e8 + 1 = 1e8 and −1e8 + 1 = −1e8; L0C: 1e8 + (−1e8) = 0.
    [InlineData(2, 0f)]
    // K0 = 1: sequential accumulation ((1e8 + 1) − 1e8) + 1 = (1e8 − 1e8) + 1 = 1.
    [InlineData(1, 1f)]
    // K0 = 3, padded to 4 leaves: step 0 (1e8 + 1) + (−1e8 + 0) = 0; step 1: 1 (three zero leaves); L0C 0 + 1 = 1.
    [InlineData(3, 1f)]
    public void Fp32_rounds_in_adder_tree_then_step_order(int k0, float expected)
    {
        float[] a = [1e8f, 1f, -1e8f, 1f];
        float[] b = [1f, 1f, 1f, 1f];
        Assert.Equal(expected, Cube3DExecutor.RunFp32(new Cube3DSpec(1, k0, 1), a, b, 1, 1, 4)[0]);
    }

    [Fact]
    public void Int8_extremes_accumulate_without_overflow()
    {
        // 1000 products of (−128)·(−128) = 16384 each: 16,384,000 fits int32.
        const int k = 1000;
        var a = Enumerable.Repeat((sbyte)-128, k).ToArray();
        var b = Enumerable.Repeat((sbyte)-128, k).ToArray();
        Assert.Equal(16384 * k, Cube3DExecutor.RunInt8(new Cube3DSpec(4, 16, 4), a, b, 1, 1, k)[0]);
    }

    [Fact]
    public void Mismatched_operands_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => Cube3DExecutor.RunFp32(new Cube3DSpec(2, 2, 2), new float[3], new float[4], 2, 2, 2));
        Assert.Throws<ArgumentException>(() => Cube3DExecutor.RunFp32(new Cube3DSpec(2, 0, 2), new float[4], new float[4], 2, 2, 2));
    }
}
