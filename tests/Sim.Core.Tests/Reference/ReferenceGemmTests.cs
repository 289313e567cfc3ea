using Sim.Core.Reference;

namespace Sim.Core.Tests.Reference;

public class ReferenceGemmTests
{
    [Fact]
    public void Two_by_two_by_hand()
    {
        // [1 2; 3 4] · [5 6; 7 8] = [19 22; 43 50]
        Assert.Equal([19f, 22f, 43f, 50f], ReferenceGemm.Fp32([1, 2, 3, 4], [5, 6, 7, 8], 2, 2, 2));
        Assert.Equal([19, 22, 43, 50], ReferenceGemm.Int8([1, 2, 3, 4], [5, 6, 7, 8], 2, 2, 2));
    }

    [Fact]
    public void Rectangular_shapes_by_hand()
    {
        // A is 1x3, B is 3x2: [1 2 3] · [[1 0],[0 1],[1 1]] = [4 5]
        Assert.Equal([4, 5], ReferenceGemm.Int8([1, 2, 3], [1, 0, 0, 1, 1, 1], 1, 2, 3));
        // Σ|a·b| for A = [-1 2 3], B = [[1 0],[0 1],[-1 1]]: |−1|+0+|−3| = 4 and 0+2+3 = 5.
        Assert.Equal([4.0, 5.0], ReferenceGemm.AbsoluteProductSums([-1, 2, 3], [1, 0, 0, 1, -1, 1], 1, 2, 3));
    }

    [Fact]
    public void Mismatched_sizes_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => ReferenceGemm.Int8([1, 2], [1, 2], 2, 2, 2));
    }
}
