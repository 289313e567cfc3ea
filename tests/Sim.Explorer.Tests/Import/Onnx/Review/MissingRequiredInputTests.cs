using Sim.Core.Config;

namespace Sim.Explorer.Tests.Import.Onnx.Review;

/// <summary>A required input that is absent (too few inputs, or "" at a required position) is a malformed node, not an unknown shape.</summary>
public class MissingRequiredInputTests
{
    public static TheoryData<long, string, string[], string> Cases => new()
    {
        { 13, "Unsqueeze", ["x"], "input 1 (axes)" },
        { 13, "Reshape", ["x"], "input 1 (shape)" },
        { 13, "Reshape", ["x", ""], "input 1 (shape)" },
        { 13, "Expand", ["x"], "input 1 (shape)" },
        { 13, "Tile", ["x"], "input 1 (repeats)" },
        { 10, "Slice", ["x"], "input 1 (starts)" },
        { 13, "Slice", ["x", "", ""], "input 1 (starts)" },
        { 11, "Pad", ["x"], "input 1 (pads)" },
        { 10, "Resize", ["x"], "input 1 (scales)" },
        { 9, "Upsample", ["x"], "input 1 (scales)" },
        { 13, "ConstantOfShape", [], "input 0 (shape)" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Missing_required_input_names_the_file_node_and_role(long opset, string op, string[] inputs, string what)
    {
        var model = new TinyOnnx(opset).Input("x", 1, 1, 2, 2).Node(op, inputs, ["y"]).Output("y");
        var e = Assert.Throws<SimInputException>(() => model.Infer());
        Assert.Contains("model.onnx: node '" + op.ToLowerInvariant() + "0' (" + op + "): " + what + " is required but missing", e.Message, StringComparison.Ordinal);
        Assert.Contains("Fix: re-export the model (the node is malformed)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Squeeze_13_without_axes_is_valid_and_without_data_is_malformed()
    {
        Assert.Equal([2, 2], new TinyOnnx(13).Input("x", 1, 1, 2, 2).Node("Squeeze", ["x"], ["y"]).Output("y").Infer().Get("y").Shape);
        var e = Assert.Throws<SimInputException>(() => new TinyOnnx(13).Input("x", 1, 2).Node("Squeeze", [], ["y"]).Output("y").Infer());
        Assert.Contains("node 'squeeze0' (Squeeze): input 0 is required but missing", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_present_input_with_a_run_time_value_stays_an_unknown_shape()
    {
        var g = new TinyOnnx(13).Input("x", 2, 3).Input("t", 2).Node("Reshape", ["x", "t"], ["y"]).Output("y").Infer();
        Assert.Contains("depends on the run-time value of input 't' (shape)", g.Nodes[0].UnknownReason, StringComparison.Ordinal);
    }
}
