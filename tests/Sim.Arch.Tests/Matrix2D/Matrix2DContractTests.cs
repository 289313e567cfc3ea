using Sim.Arch.Matrix2D;
using Sim.Core.Hardware;
using Sim.Core.Workloads;

namespace Sim.Arch.Tests.Matrix2D;

public class Matrix2DContractTests
{
    [Fact]
    public void Registry_returns_the_matrix2d_model()
    {
        var model = TileModels.For(new Matrix2DSpec(4, 4));
        Assert.IsType<Matrix2DModel>(model);
        Assert.Equal("matrix2d", model.Kind);
    }

    [Fact]
    public void Wrong_tile_kind_is_rejected()
    {
        var arch = ArchSpec.Default(new SystolicSpec(4, 4, Dataflow.Os));
        Assert.Throws<ArgumentException>(() => new Matrix2DModel().Evaluate("t", new GemmShape(4, 4, 4), arch, SimMode.Default));
    }

    [Theory]
    [InlineData(0, 4, 4, 4, 4)]
    [InlineData(4, 0, 4, 4, 4)]
    [InlineData(4, 4, -1, 4, 4)]
    [InlineData(4, 4, 4, 0, 4)]
    [InlineData(4, 4, 4, 4, -2)]
    public void Non_positive_dims_are_rejected(long m, long n, long k, int rows, int cols)
    {
        var arch = ArchSpec.Default(new Matrix2DSpec(rows, cols));
        Assert.Throws<ArgumentException>(() => new Matrix2DModel().Evaluate("t", new GemmShape(m, n, k), arch, SimMode.Default));
    }

    [Fact]
    public void Counts_beyond_64_bits_throw_instead_of_wrapping()
    {
        // 2^21 cubed = 2^63 MACs overflows the checked MAC count.
        const long side = 1L << 21;
        var arch = ArchSpec.Default(new Matrix2DSpec(1, 1));
        Assert.Throws<OverflowException>(() => new Matrix2DModel().Evaluate("t", new GemmShape(side, side, side), arch, SimMode.Default));
    }
}
