using Sim.Core.Config;
using Sim.Explorer.Import.Onnx;

namespace Sim.Explorer.Tests.Import.Onnx;

public class InputAndOpsetTests
{
    [Fact]
    public void Symbolic_input_without_an_override_says_which_dim_and_how_to_pass_it()
    {
        var model = new TinyOnnx().Input("x", "batch", 3, "H", "W").Node("Relu", ["x"], ["y"]).Output("y");
        var e = Assert.Throws<SimInputException>(() => model.Infer());
        Assert.Contains("model.onnx: input 'x' dim 0 is symbolic ('batch') in [batch,3,H,W]", e.Message, StringComparison.Ordinal);
        Assert.Contains("Fix: pass the shape, e.g. --input-shape x=Nx3xNxN", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Override_fills_symbolic_dims_and_must_agree_with_static_ones()
    {
        var model = new TinyOnnx().Input("x", "batch", 3, "H", "W").Node("Relu", ["x"], ["y"]).Output("y");
        Assert.Equal([1, 3, 640, 640], model.Infer(("x", [1L, 3, 640, 640])).Get("y").Shape);
        var clash = Assert.Throws<SimInputException>(() => model.Infer(("x", [1L, 4, 640, 640])));
        Assert.Contains("dim 1 is 4 but the model fixes it to 3", clash.Message, StringComparison.Ordinal);
        var rank = Assert.Throws<SimInputException>(() => model.Infer(("x", [3L, 640, 640])));
        Assert.Contains("has rank 3, the model declares rank 4", rank.Message, StringComparison.Ordinal);
        var name = Assert.Throws<SimInputException>(() => model.Infer(("x", [1L, 3, 8, 8]), ("img", [1L])));
        Assert.Contains("--input-shape names 'img', which is not an input of the model (inputs: x)", name.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Input_shape_text_parses_and_rejects_junk()
    {
        var (name, dims) = Parse("x=1x3x640x640");
        Assert.Equal("x", name);
        Assert.Equal([1, 3, 640, 640], dims);
        Assert.Throws<SimInputException>(() => Parse("x=1x3xHx640"));
        Assert.Throws<SimInputException>(() => Parse("1x3"));
    }

    [Theory]
    [InlineData(6)]
    [InlineData(22)]
    public void Unsupported_opset_is_an_error_naming_the_import(long opset)
    {
        var model = new TinyOnnx(opset).Input("x", 1).Node("Relu", ["x"], ["y"]).Output("y");
        var e = Assert.Throws<SimInputException>(() => model.Infer());
        Assert.Contains($"opset_import ai.onnx version {opset} is not supported (supported: 7..21). Fix: convert the model", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Softmax_axis_default_depends_on_opset()
    {
        // Rank-1 input: the opset-11 default axis 1 is out of range, the opset-13 default -1 is fine.
        Assert.Equal([5], new TinyOnnx(13).Input("x", 5).Node("Softmax", ["x"], ["y"]).Output("y").Infer().Get("y").Shape);
        var e = Assert.Throws<SimInputException>(() => new TinyOnnx(11).Input("x", 5).Node("Softmax", ["x"], ["y"]).Output("y").Infer());
        Assert.Contains("axis 1 is out of range for rank 1", e.Message, StringComparison.Ordinal);
    }

    private static (string, long[]) Parse(string text)
    {
        var (name, dims) = Sim.Explorer.Import.Onnx.Inference.InputShapes.Parse(text);
        return (name, dims);
    }
}
