using Sim.Core.Hardware;

namespace Sim.Arch.Tests;

public class TileFeasibilityTests
{
    private static ArchSpec Arch(TileSpec tile, double ifmapKb, double filterKb, double ofmapKb, int wordBytes = 1) =>
        new("a", tile, new ScratchpadSpec(ifmapKb, filterKb, ofmapKb), DramSpec.Unlimited, 1.0, wordBytes);

    [Fact]
    public void A_cube_needs_two_accumulator_blocks_in_the_ofmap_scratchpad()
    {
        // 16×16 outputs × 4 B × 2 blocks = 2048 B: 2 KB is exactly enough, 1.99 KB (2037 B) is not.
        Assert.Null(TileFeasibility.Problem(Arch(new Cube3DSpec(16, 16, 16), 1, 1, 2)));
        Assert.Equal("the ofmap scratchpad (2037 B) cannot hold two 16x16 blocks of 32-bit accumulators (L0C) (2048 B)",
            TileFeasibility.Problem(Arch(new Cube3DSpec(16, 16, 16), 1, 1, 1.99)));
    }

    [Theory]
    // WS 64×64 int8: two 4096 B weight tiles = 8 KB of filter scratchpad.
    [InlineData(Dataflow.Ws, 64, 7.99, 64, 1, "filter")]
    // IS holds input tiles: the ifmap scratchpad must have 8 KB.
    [InlineData(Dataflow.Is, 7.99, 64, 64, 1, "ifmap")]
    // OS leaves R×C outputs per fold: fp32 words make them 16 KB per tile, 32 KB for two.
    [InlineData(Dataflow.Os, 64, 64, 31.99, 4, "ofmap")]
    public void A_systolic_array_needs_two_stationary_tiles(Dataflow dataflow, double i, double f, double o, int word, string buffer)
    {
        var tile = new SystolicSpec(64, 64, dataflow);
        Assert.StartsWith($"the {buffer} scratchpad", TileFeasibility.Problem(Arch(tile, i, f, o, word)), StringComparison.Ordinal);
        Assert.Null(TileFeasibility.Problem(Arch(tile, Math.Ceiling(i), Math.Ceiling(f), Math.Ceiling(o), word)));
    }

    [Fact]
    public void Adder_tree_weights_and_matrix_outputs_are_double_buffered()
    {
        // 256 lanes × 16 wide int8: 2 × 4096 B of weights; 64×64 matrix: 2 × 4096 B of outputs.
        Assert.Contains("two 16x256 weight tiles (8192 B)", TileFeasibility.Problem(Arch(new AdderTreeSpec(256, 16), 64, 4, 64)), StringComparison.Ordinal);
        Assert.Null(TileFeasibility.Problem(Arch(new AdderTreeSpec(256, 16), 64, 8, 64)));
        Assert.Contains("two 64x64 output blocks (8192 B)", TileFeasibility.Problem(Arch(new Matrix2DSpec(64, 64), 64, 64, 4)), StringComparison.Ordinal);
        Assert.Null(TileFeasibility.Problem(Arch(new Matrix2DSpec(64, 64), 64, 64, 8)));
    }
}
