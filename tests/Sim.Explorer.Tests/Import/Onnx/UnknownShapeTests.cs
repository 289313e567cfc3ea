using Sim.Core.Config;
using Sim.Explorer.Import.Onnx;

namespace Sim.Explorer.Tests.Import.Onnx;

public class UnknownShapeTests
{
    [Fact]
    public void Unknown_op_cascades_an_unknown_reason_downstream_without_throwing()
    {
        var g = new TinyOnnx().Input("x", 1, 4)
            .Node("Relu", ["x"], ["a"])
            .Node("FancyOp", ["a"], ["b"])
            .Node("Relu", ["b"], ["c"])
            .Node("Add", ["c", "a"], ["d"])
            .Node("Sigmoid", ["a"], ["e"])
            .Output("d").Output("e").Infer();
        Assert.Null(g.Nodes[0].UnknownReason);
        Assert.Equal("op type 'FancyOp' (domain ai.onnx) has no shape rule", g.Nodes[1].UnknownReason);
        Assert.Equal("input 'b' has an unknown shape (from node 'fancyop1')", g.Nodes[2].UnknownReason);
        Assert.Equal("input 'c' has an unknown shape (from node 'relu2')", g.Nodes[3].UnknownReason);
        Assert.Null(g.Nodes[4].UnknownReason);
        Assert.False(g.TryGet("d", out _));
        Assert.Equal([1, 4], g.Get("e").Shape);
        Assert.Equal(3, g.UnknownNodes.Count());
    }

    [Fact]
    public void Custom_domain_op_takes_its_declared_value_info_shape()
    {
        var g = new TinyOnnx().Input("x", 2, 8)
            .NodeIn("com.microsoft", "FusedGelu", ["x"], ["y"])
            .ValueInfo("y", OnnxElementType.Float, 2, 8)
            .Node("Relu", ["y"], ["z"])
            .NodeIn("com.microsoft", "Mystery", ["z"], ["w"])
            .Output("w").Infer();
        Assert.Null(g.Nodes[0].UnknownReason);
        Assert.Equal([2, 8], g.Get("z").Shape);
        Assert.Equal("op type 'Mystery' (domain com.microsoft) has no shape rule", g.Nodes[2].UnknownReason);
    }

    [Fact]
    public void Shape_that_depends_on_a_runtime_value_is_unknown_not_an_error()
    {
        var g = new TinyOnnx().Input("x", 2, 6).Input("t", 2)
            .Node("Cast", ["t"], ["ti"], ("to", (long)OnnxElementType.Int64))
            .Node("Reshape", ["x", "ti"], ["y"])
            .Output("y").Infer();
        Assert.Equal("the output shape depends on the run-time value of input 'ti' (shape)", g.Nodes[1].UnknownReason);
    }

    [Fact]
    public void Declared_output_shape_that_contradicts_inference_names_the_node()
    {
        var model = new TinyOnnx().Input("x", 2, 6).Node("Relu", ["x"], ["y"]).Output("y", OnnxElementType.Float, 2, "n", 7);
        var e = Assert.Throws<SimInputException>(() => model.Infer());
        Assert.Contains("node 'relu0' (Relu): output 'y' is declared FLOAT[2,n,7] but infers to FLOAT[2x6]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Input_that_names_no_tensor_is_an_error()
    {
        var model = new TinyOnnx().Input("x", 2).Node("Add", ["x", "ghost"], ["y"]).Output("y");
        var e = Assert.Throws<SimInputException>(() => model.Infer());
        Assert.Contains("node 'add0' (Add): input 'ghost' names no tensor", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tensor_produced_twice_is_an_error()
    {
        var model = new TinyOnnx().Input("x", 2).Node("Relu", ["x"], ["y"]).Node("Sigmoid", ["x"], ["y"]).Output("y");
        var e = Assert.Throws<SimInputException>(() => model.Infer());
        Assert.Contains("node 'sigmoid1' (Sigmoid): output 'y' is already produced", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Broadcast_mismatch_is_an_error()
    {
        var model = new TinyOnnx().Input("a", 3, 4).Input("b", 2, 1, 5).Node("Mul", ["a", "b"], ["y"]).Output("y");
        var e = Assert.Throws<SimInputException>(() => model.Infer());
        Assert.Contains("inputs 'a' [3x4], 'b' [2x1x5] do not broadcast", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Elementwise_ops_broadcast_and_comparisons_give_bool()
    {
        var g = new TinyOnnx().Input("a", 3, 1, 5).Input("b", 4, 1).Input("c", 1)
            .Node("Add", ["a", "b"], ["sum"])
            .Node("Less", ["a", "b"], ["less"])
            .Node("Where", ["less", "a", "c"], ["w"])
            .Node("Max", ["a", "b", "c"], ["max"])
            .Node("HardSwish", ["sum"], ["hs"])
            .Node("Clip", ["sum"], ["clip"], ("min", 0.0f), ("max", 6.0f))
            .Output("w").Output("max").Output("hs").Output("clip").Infer();
        Assert.Equal([3, 4, 5], g.Get("sum").Shape);
        Assert.Equal(OnnxElementType.Bool, g.Get("less").Type);
        Assert.Equal([3, 4, 5], g.Get("w").Shape);
        Assert.Equal(OnnxElementType.Float, g.Get("w").Type);
        Assert.Equal([3, 4, 5], g.Get("max").Shape);
        Assert.Equal([3, 4, 5], g.Get("clip").Shape);
    }

    [Fact]
    public void Normalizations_reductions_and_softmax()
    {
        var g = new TinyOnnx(18).Input("x", 2, 3, 4, 5)
            .Weight("s", 3).Weight("bias", 3).Weight("m", 3).Weight("v", 3)
            .Node("BatchNormalization", ["x", "s", "bias", "m", "v"], ["bn"])
            .Weight("g", 5)
            .Node("LayerNormalization", ["x", "g"], ["ln", "mean"], ("axis", -2L))
            .Ints("axes", 1, -1)
            .Node("ReduceMean", ["x", "axes"], ["rm"])
            .Node("ReduceSum", ["x"], ["all"], ("keepdims", 0L))
            .Node("ArgMax", ["x"], ["am"], ("axis", 2L), ("keepdims", 0L))
            .Node("Softmax", ["x"], ["sm"])
            .Node("Flatten", ["x"], ["fl"], ("axis", 2L))
            .Output("bn").Output("ln").Output("mean").Output("rm").Output("all").Output("am").Output("sm").Output("fl").Infer();
        Assert.Equal([2, 3, 4, 5], g.Get("bn").Shape);
        Assert.Equal([2, 3, 1, 1], g.Get("mean").Shape);
        Assert.Equal([2, 1, 4, 1], g.Get("rm").Shape);
        Assert.Empty(g.Get("all").Shape);
        Assert.Equal([2, 3, 5], g.Get("am").Shape);
        Assert.Equal(OnnxElementType.Int64, g.Get("am").Type);
        Assert.Equal([2, 3, 4, 5], g.Get("sm").Shape);
        Assert.Equal([6, 20], g.Get("fl").Shape);
    }
}
