using CsCheck;
using Sim.Explorer.Import.Onnx;
using Sim.Explorer.Import.Onnx.Inference;

namespace Sim.Explorer.Tests.Import.Onnx;

public class PadUpsampleTileTests
{
    [Fact]
    public void Pad_reads_pads_from_the_attribute_before_opset_11_and_the_input_from_11()
    {
        var old = new TinyOnnx(10).Input("x", 1, 3, 5, 5)
            .Node("Pad", ["x"], ["y"], ("pads", new long[] { 0, 0, 1, 2, 0, 0, 3, -1 }))
            .Output("y").Infer();
        Assert.Equal([1, 3, 9, 6], old.Get("y").Shape);
        var current = new TinyOnnx(11).Input("x", 1, 3, 5, 5).Ints("pads", 0, 0, 1, 2, 0, 0, 3, -1)
            .Node("Pad", ["x", "pads"], ["y"])
            .Output("y").Infer();
        Assert.Equal([1, 3, 9, 6], current.Get("y").Shape);
        Assert.Equal(TensorRole.Constant, current.Get("pads").Role);
    }

    [Fact]
    public void Upsample_by_attribute_at_opset_7_and_by_input_at_9()
    {
        var v7 = new TinyOnnx(7).Input("x", 1, 2, 3, 4)
            .Node("Upsample", ["x"], ["y"], ("scales", new float[] { 1, 1, 2, 2.5f }))
            .Output("y").Infer();
        Assert.Equal([1, 2, 6, 10], v7.Get("y").Shape);
        var v9 = new TinyOnnx(9).Input("x", 1, 2, 3, 4).Floats("s", 1, 1, 3, 0.5f)
            .Node("Upsample", ["x", "s"], ["y"])
            .Output("y").Infer();
        Assert.Equal([1, 2, 9, 2], v9.Get("y").Shape);
    }

    [Fact]
    public void Tile_size_and_shape_with_start_end()
    {
        var g = new TinyOnnx(15).Input("x", 2, 3, 4).Ints("r", 1, 2, 3)
            .Node("Tile", ["x", "r"], ["t"])
            .Node("Size", ["x"], ["n"])
            .Node("Shape", ["x"], ["tail"], ("start", -2L))
            .Output("t").Output("n").Output("tail").Infer();
        Assert.Equal([2, 6, 12], g.Get("t").Shape);
        Assert.Equal([24], g.Get("n").Value!.Longs!);
        Assert.Equal([3, 4], g.Get("tail").Value!.Longs!);
    }

    [Fact]
    public void Broadcasting_is_symmetric_and_each_output_element_reads_a_valid_source()
    {
        var dim = Gen.Long[0, 3].Select(d => Math.Max(d, 1L)); // 1 twice as often: broadcasts happen
        Gen.Select(dim.Array[0, 4], dim.Array[0, 4]).Sample((a, b) =>
        {
            var ab = Broadcasting.Shape(a, b);
            var ba = Broadcasting.Shape(b, a);
            Assert.Equal(ab is null, ba is null);
            if (ab is null)
                return;
            Assert.Equal(ab, ba);
            var count = ab.Aggregate(1L, (x, y) => x * y);
            var aCount = a.Aggregate(1L, (x, y) => x * y);
            for (var i = 0L; i < count; i++)
                Assert.InRange(Broadcasting.SourceIndex(i, ab, a), 0, aCount - 1);
        });
    }
}
