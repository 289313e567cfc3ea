using Sim.Arch.AdderTree;
using Sim.Arch.Folding;
using Sim.Core.Hardware;

namespace Sim.Arch.Tests.AdderTree;

public class AdderTreeExecutorTests
{
    public static TheoryData<int, int, int, int, int> Cases() => new()
    {
        // m, n, k, lanes, tree width
        { 1, 1, 1, 1, 1 },
        { 1, 1, 1, 4, 4 },     // one active leaf, one active lane
        { 7, 5, 3, 4, 2 },     // every fold partial
        { 1, 100, 300, 8, 32 }, // GEMV
        { 33, 17, 65, 5, 7 },  // odd shapes, non-power-of-two tree
        { 64, 64, 64, 16, 16 }, // exact fit
        { 13, 9, 40, 3, 1 },   // T = 1: no tree, sequential accumulation in Z
        { 20, 3, 100, 1, 64 }, // one lane, K folds 64 + 36
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Int8_result_equals_reference_exactly(int m, int n, int k, int lanes, int width)
    {
        ExecutorOracle.AssertInt8MatchesReference(m, n, k, (a, b, m, n, k) => AdderTreeExecutor.RunInt8(new AdderTreeSpec(lanes, width), a, b, m, n, k));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fp32_result_is_within_1e4_relative_of_reference(int m, int n, int k, int lanes, int width)
    {
        ExecutorOracle.AssertFp32WithinScaledTolerance(m, n, k, 1e-4, (a, b, m, n, k) => AdderTreeExecutor.RunFp32(new AdderTreeSpec(lanes, width), a, b, m, n, k));
    }

    [Fact]
    public void Fp32_with_k_1000_is_within_1e4_elementwise_relative()
    {
        ExecutorOracle.AssertFp32PositiveK1000WithinElementwiseTolerance(1e-4, (a, b, m, n, k) => AdderTreeExecutor.RunFp32(new AdderTreeSpec(8, 48), a, b, m, n, k));
    }

    [Fact]
    public void Fp32_rounds_in_the_tree_order()
    {
        // A = [1e8, 1, -1e8, 1], B = ones: exact sum 2. fp32 spacing at 1e8 is 8, so 1e8 + 1 rounds to 1e8.
        // T=4, one fold, tree ((1e8 + 1) + (-1e8 + 1)) = 1e8 + -1e8 = 0.
        // T=1, four K folds added into Z in order: 1e8, 1e8 (+1 lost), 0, 1.
        // T=2, two folds: (1e8 + 1) = 1e8, then (-1e8 + 1) = -1e8 added: 0.
        float[] a = [1e8f, 1f, -1e8f, 1f];
        float[] b = [1f, 1f, 1f, 1f];
        Assert.Equal(0f, AdderTreeExecutor.RunFp32(new AdderTreeSpec(1, 4), a, b, 1, 1, 4)[0]);
        Assert.Equal(1f, AdderTreeExecutor.RunFp32(new AdderTreeSpec(1, 1), a, b, 1, 1, 4)[0]);
        Assert.Equal(0f, AdderTreeExecutor.RunFp32(new AdderTreeSpec(1, 2), a, b, 1, 1, 4)[0]);
    }

    [Fact]
    public void Odd_tree_passes_the_last_node_through()
    {
        // 5 leaves: level 1 (1+2, 3+4, 5), level 2 (3+7, 5), level 3 (10+5) = 15.
        Assert.Equal(15, BinaryAdderTree.Sum(new[] { 1, 2, 3, 4, 5 }));
        Assert.Equal(7, BinaryAdderTree.Sum(new[] { 7 }));
    }

    [Fact]
    public void Int8_extremes_accumulate_without_overflow()
    {
        // (-128)·(-128) = 16384 per product, 1000 products: 16,384,000 < 2^31.
        const int k = 1000;
        var a = Enumerable.Repeat((sbyte)-128, k).ToArray();
        var b = Enumerable.Repeat((sbyte)-128, k).ToArray();
        Assert.Equal(16384 * k, AdderTreeExecutor.RunInt8(new AdderTreeSpec(4, 64), a, b, 1, 1, k)[0]);
    }
}
