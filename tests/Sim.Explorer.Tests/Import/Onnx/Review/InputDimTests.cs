using Sim.Core.Config;
using Sim.Explorer.Import.Onnx;

namespace Sim.Explorer.Tests.Import.Onnx.Review;

/// <summary>Declared −1 dims are symbolic; --input-shape dims must be ≥ 1; an element count past 2^63 names the input or node.</summary>
public class InputDimTests
{
    [Fact]
    public void A_declared_minus_one_dim_is_symbolic_and_can_be_overridden()
    {
        var model = new TinyOnnx(13).Input("x", -1L, 3, 8, 8).Node("Relu", ["x"], ["y"]).Output("y", OnnxElementType.Float, -1L, 3, 8, 8)
            .ValueInfo("y", OnnxElementType.Float, -1L, 3, 8, 8);
        var e = Assert.Throws<SimInputException>(() => model.Infer());
        Assert.Contains("input 'x' dim 0 is symbolic", e.Message, StringComparison.Ordinal);
        Assert.Equal([2, 3, 8, 8], model.Infer(("x", [2L, 3, 8, 8])).Get("y").Shape);
    }

    [Fact]
    public void An_input_shape_override_with_a_zero_dim_is_rejected()
    {
        var model = new TinyOnnx(13).Input("x", "N", 3, "H", "W").Node("Relu", ["x"], ["y"]).Output("y");
        var e = Assert.Throws<SimInputException>(() => model.Infer(("x", [0L, 3, 48, 192])));
        Assert.Contains("--input-shape x: dim 0 is 0 in [0x3x48x192]", e.Message, StringComparison.Ordinal);
        Assert.Contains("Fix: give sizes ≥ 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_overflowing_input_shape_names_the_input()
    {
        var model = new TinyOnnx(13).Input("x", "N", 3, "H", "W").Node("Relu", ["x"], ["y"]).Output("y");
        var e = Assert.Throws<SimInputException>(() => model.Infer(("x", [100000L, 3, 4800000, 19200000])));
        Assert.Contains("input 'x' [100000x3x4800000x19200000] holds more than 2^63 elements", e.Message, StringComparison.Ordinal);
        var declared = Assert.Throws<SimInputException>(() => new TinyOnnx(13).Input("x", 1L << 40, 1L << 40).Node("Relu", ["x"], ["y"]).Output("y").Infer());
        Assert.Contains("input 'x'", declared.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_node_whose_output_count_overflows_names_the_node()
    {
        var model = new TinyOnnx(13).Input("x", 1L << 31, 1).Ints("t", 1L << 31, 1L << 33).Node("Expand", ["x", "t"], ["y"]).Output("y");
        var e = Assert.Throws<SimInputException>(() => model.Infer());
        Assert.Contains("node 'expand1' (Expand)", e.Message, StringComparison.Ordinal);
        Assert.Contains("2^63", e.Message, StringComparison.Ordinal);
    }
}
