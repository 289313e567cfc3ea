using Sim.Arch.Folding;

namespace Sim.Arch.Tests;

public class BinaryAdderTreeTests
{
    [Theory]
    // ⌈log2 n⌉ by hand: 1 → 0, 2 → 1, 3, 4 → 2, 5..8 → 3, 9..16 → 4, 17 → 5.
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    [InlineData(4, 2)]
    [InlineData(5, 3)]
    [InlineData(8, 3)]
    [InlineData(9, 4)]
    [InlineData(16, 4)]
    [InlineData(17, 5)]
    public void Levels_are_the_ceiling_of_log2(int leaves, int levels) =>
        Assert.Equal(levels, BinaryAdderTree.Levels(leaves));
}
