using Sim.Arch.Matrix2D;
using Sim.Core.Hardware;
using Sim.Core.Reference;

namespace Sim.Arch.Tests.Matrix2D;

public class Matrix2DExecutorTests
{
    public static TheoryData<int, int, int, int, int> Cases() => new()
    {
        { 1, 1, 1, 4, 4 },
        { 1, 1, 1, 1, 1 },
        { 7, 5, 3, 4, 4 },       // every fold partial, drain-bound period (K=3 < R=4)
        { 1, 100, 300, 32, 8 },  // GEMV
        { 100, 30, 100, 32, 8 }, // odd shapes on a non-square grid
        { 64, 64, 64, 16, 16 },  // exact fit
        { 33, 17, 65, 8, 32 },   // wide grid
        { 45, 13, 2, 16, 3 },    // K far below R: the shadow binds every fold
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Int8_result_equals_reference_exactly(int m, int n, int k, int rows, int cols)
    {
        ExecutorOracle.AssertInt8MatchesReference(m, n, k, (a, b, m, n, k) => Matrix2DExecutor.RunInt8(new Matrix2DSpec(rows, cols), a, b, m, n, k));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fp32_result_is_within_1e4_relative_of_reference(int m, int n, int k, int rows, int cols)
    {
        ExecutorOracle.AssertFp32WithinScaledTolerance(m, n, k, 1e-4, (a, b, m, n, k) => Matrix2DExecutor.RunFp32(new Matrix2DSpec(rows, cols), a, b, m, n, k));
    }

    [Fact]
    public void Fp32_with_k_1000_is_within_1e4_elementwise_relative()
    {
        ExecutorOracle.AssertFp32PositiveK1000WithinElementwiseTolerance(1e-4, (a, b, m, n, k) => Matrix2DExecutor.RunFp32(new Matrix2DSpec(32, 8), a, b, m, n, k));
    }

    [Fact]
    public void Fp32_rounds_in_step_order()
    {
        // 1x1x3 with A = [1, 1e8, -1e8], B = [1, 1, 1]; fp32 spacing at 1e8 is 8. In step order 0 + 1 = 1,
        // 1 + 1e8 rounds to 1e8, 1e8 - 1e8 = 0. Reversed (-1e8 + 1e8 + 1) or exact (double) accumulation gives 1.
        var z = Matrix2DExecutor.RunFp32(new Matrix2DSpec(2, 2), [1f, 1e8f, -1e8f], [1f, 1f, 1f], 1, 1, 3);
        Assert.Equal(0f, z[0]);
        Assert.Equal(1f, ReferenceGemm.Fp32([1f, 1e8f, -1e8f], [1f, 1f, 1f], 1, 1, 3)[0]);
    }

    [Fact]
    public void Int8_extremes_accumulate_without_overflow()
    {
        // 1000 * (-128)^2 = 16,384,000 fits int32.
        const int k = 1000;
        var a = Enumerable.Repeat((sbyte)-128, k).ToArray();
        var b = Enumerable.Repeat((sbyte)-128, k).ToArray();
        Assert.Equal(16384 * k, Matrix2DExecutor.RunInt8(new Matrix2DSpec(4, 4), a, b, 1, 1, k)[0]);
    }

    [Fact]
    public void Mismatched_operands_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => Matrix2DExecutor.RunFp32(new Matrix2DSpec(4, 4), new float[5], new float[6], 2, 2, 3));
        Assert.Throws<ArgumentException>(() => Matrix2DExecutor.RunFp32(new Matrix2DSpec(0, 4), new float[6], new float[6], 2, 2, 3));
    }
}
