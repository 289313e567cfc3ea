using Sim.Core.Config;
using Sim.Explorer.Import.Onnx;

namespace Sim.Explorer.Tests.Import.Onnx.Review;

/// <summary>ConvTranspose output_shape beyond the unpadded full size: pads clamp at 0, the excess is extra output (onnxruntime).</summary>
public class ConvTransposeOutputShapeTests
{
    [Fact]
    public void Output_shape_one_past_the_full_size_pads_zero_as_onnxruntime()
    {
        // full = 2·(3−1) + 3 = 7; output_shape 8 → onnxruntime gives [1,1,8,8] (one extra row/column of output padding).
        var g = new TinyOnnx(13).Input("x", 1, 1, 3, 3).Weight("w", 1, 1, 3, 3)
            .Node("ConvTranspose", ["x", "w"], ["y"], ("strides", new long[] { 2, 2 }), ("output_shape", new long[] { 8, 8 })).Output("y").Infer();
        Assert.Equal([1, 1, 8, 8], g.Get("y").Shape);
        var geometry = ConvGeometry.Transposed(g.Nodes[0].Attributes, [3, 3], [3, 3]);
        Assert.Equal([0, 0], geometry.PadsBegin);
        Assert.Equal([0, 0], geometry.PadsEnd);
        Assert.Equal([8, 8], geometry.Output);
        // The lowering's output padding: Output − (s(in−1) + (k−1)d + 1 − pb − pe) = 8 − 7 = 1.
        Assert.Equal(1, geometry.Output[0] - (2 * 2 + 3 - geometry.PadsBegin[0] - geometry.PadsEnd[0]));
    }

    [Fact]
    public void Output_shape_a_full_stride_past_the_full_size_is_rejected_as_onnxruntime_does()
    {
        // x 5, k 4, s 2: full 12; output_shape 14 would need output padding 2 ≥ stride (onnxruntime: "Explicit output_shape is inconsistent").
        var model = new TinyOnnx(13).Input("x", 1, 2, 5, 5).Weight("w", 2, 1, 4, 4)
            .Node("ConvTranspose", ["x", "w"], ["y"], ("strides", new long[] { 2, 2 }), ("output_shape", new long[] { 14, 14 })).Output("y");
        var e = Assert.Throws<SimInputException>(() => model.Infer());
        Assert.Contains("output_shape 14", e.Message, StringComparison.Ordinal);
    }
}
