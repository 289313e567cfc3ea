using Sim.Explorer.Import.Onnx;

namespace Sim.Explorer.Tests.Import.Onnx.Review;

/// <summary>Resize output sizes pinned to onnxruntime 1.x (checked with onnxruntime-node on the same tiny models).</summary>
public class ResizeSizeTests
{
    [Fact]
    public void Scale_0_7_on_10_gives_7_as_in_onnxruntime_float32()
    {
        // 0.7f = 0.699999988…; in double 10·0.7f = 6.99999988 floors to 6, in float32 the product rounds to 7.0f (onnxruntime: 7).
        var g = new TinyOnnx(13).Input("x", 1, 1, 10, 10).Floats("roi").Floats("sc", 1f, 1f, 0.7f, 0.7f)
            .Node("Resize", ["x", "roi", "sc"], ["y"], ("mode", "nearest")).Output("y").Infer();
        Assert.Equal([1, 1, 7, 7], g.Get("y").Shape);
    }

    [Fact]
    public void Keep_aspect_ratio_rounds_half_up()
    {
        // [2,5] to sizes [1,100], not_larger: scale = min(1/2, 100/5) = 0.5, 5·0.5 = 2.5 → 3 (onnxruntime: [1,1,1,3]).
        var g = new TinyOnnx(18).Input("x", 1, 1, 2, 5).Ints("sz", 1, 100)
            .Node("Resize", ["x", "", "", "sz"], ["y"], ("axes", new long[] { 2, 3 }), ("keep_aspect_ratio_policy", "not_larger")).Output("y").Infer();
        Assert.Equal([1, 1, 1, 3], g.Get("y").Shape);
    }
}
