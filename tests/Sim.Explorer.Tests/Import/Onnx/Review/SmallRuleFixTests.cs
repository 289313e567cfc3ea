using Google.Protobuf;
using Sim.Core.Config;
using Sim.Explorer.Import.Onnx;
using Sim.Explorer.Import.Onnx.Proto;

namespace Sim.Explorer.Tests.Import.Onnx.Review;

/// <summary>Squeeze with empty axes, Split num_outputs, ConvTranspose group, Cast narrowing, synthesized node names.</summary>
public class SmallRuleFixTests
{
    [Fact]
    public void Squeeze_13_with_an_empty_axes_tensor_squeezes_every_size_1_dim()
    {
        // onnxruntime: [1,3,1,5] → [3,5].
        var g = new TinyOnnx(13).Input("x", 1, 3, 1, 5).Constant("ax", TinyOnnx.Int64Tensor([0], []))
            .Node("Squeeze", ["x", "ax"], ["y"]).Output("y").Infer();
        Assert.Equal([3, 5], g.Get("y").Shape);
    }

    [Fact]
    public void Split_18_num_outputs_must_match_the_output_count()
    {
        var bad = new TinyOnnx(18).Input("x", 10).Node("Split", ["x"], ["a", "b"], ("num_outputs", 3L), ("axis", 0L)).Output("a").Output("b");
        var e = Assert.Throws<SimInputException>(() => bad.Infer());
        Assert.Contains("node 'split0' (Split): attribute 'num_outputs' is 3 but the node has 2 outputs", e.Message, StringComparison.Ordinal);
        var ok = new TinyOnnx(18).Input("x", 10).Node("Split", ["x"], ["a", "b", "c"], ("num_outputs", 3L), ("axis", 0L)).Output("a").Output("b").Output("c").Infer();
        Assert.Equal([[4], [4], [2]], new[] { "a", "b", "c" }.Select(n => ok.Get(n).Shape.ToArray()));
    }

    [Fact]
    public void ConvTranspose_channels_must_divide_by_group()
    {
        var model = new TinyOnnx(13).Input("x", 1, 3, 4, 4).Weight("w", 3, 2, 3, 3).Node("ConvTranspose", ["x", "w"], ["y"], ("group", 2L)).Output("y");
        var e = Assert.Throws<SimInputException>(() => model.Infer());
        Assert.Contains("node 'convtranspose0' (ConvTranspose): X 'x' [1x3x4x4] has 3 channels, not divisible by group 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Folded_cast_narrows_to_the_target_integer_width()
    {
        var g = new TinyOnnx(13).Input("x", 2).Ints("v", 300, -1, 70000, -129)
            .Node("Cast", ["v"], ["u8"], ("to", (long)OnnxElementType.UInt8))
            .Node("Cast", ["v"], ["i8"], ("to", (long)OnnxElementType.Int8))
            .Node("Cast", ["v"], ["u16"], ("to", (long)OnnxElementType.UInt16))
            .Node("Cast", ["v"], ["u32"], ("to", (long)OnnxElementType.UInt32))
            .Output("u8").Output("i8").Output("u16").Output("u32").Infer();
        Assert.Equal([44, 255, 112, 127], g.Get("u8").Value!.Longs!);
        Assert.Equal([44, -1, 112, 127], g.Get("i8").Value!.Longs!);
        Assert.Equal([300, 65535, 4464, 65407], g.Get("u16").Value!.Longs!);
        Assert.Equal([300, 4294967295, 70000, 4294967167], g.Get("u32").Value!.Longs!);
    }

    [Fact]
    public void Synthesized_node_names_are_unique()
    {
        var model = new TinyOnnx(13).Input("x", 2).Node("Relu", ["x"], ["a"]).Node("Relu", ["a"], ["b"]).Node("Relu", ["b"], ["c"])
            .Node("Relu", ["c"], ["d"]).Output("d");
        model.Graph.Node[0].Name = "n_2";
        model.Graph.Node[1].Name = "n";
        model.Graph.Node[2].Name = "n";
        model.Graph.Node[3].Name = "";
        var model2 = new TinyOnnx(13).Input("x", 2).Node("Relu", ["x"], ["a"]).Node("Relu", ["a"], ["b"]).Output("b");
        model2.Graph.Node[0].Name = "Relu_1";
        model2.Graph.Node[1].Name = "";
        using var dir = new TempDirectory();
        var names = model.Read(dir).Graph.Nodes.Select(n => n.Name).ToArray();
        Assert.Equal(4, names.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(["n_2", "n"], names[..2]);
        var names2 = model2.Read(dir).Graph.Nodes.Select(n => n.Name).ToArray();
        Assert.Equal(2, names2.Distinct(StringComparer.Ordinal).Count());
    }
}
