using Google.Protobuf;
using Sim.Explorer.Import.Onnx;
using Sim.Explorer.Import.Onnx.Proto;

namespace Sim.Explorer.Tests.Import.Onnx.Review;

/// <summary>Folding of the comparison/selection ops PyTorch's shape subgraphs use.</summary>
public class FoldingCoverageTests
{
    private static TensorProto Scalar(long value) => TinyOnnx.Int64Tensor([], [value]);

    [Fact]
    public void Torch_expand_pattern_folds_end_to_end()
    {
        // target [2,-1,5]; ones = ConstantOfShape([3], 1); minus = ones·(−1); Where(target == minus, ones, target) = [2,1,5];
        // Expand x [1,3,1] to it → [2,3,5].
        var g = new TinyOnnx(13).Input("x", 1, 3, 1)
            .Ints("target", 2, -1, 5).Ints("len", 3)
            .Node("ConstantOfShape", ["len"], ["ones"], ("value", TinyOnnx.Int64Tensor([1], [1])))
            .Constant("m1", Scalar(-1))
            .Node("Mul", ["ones", "m1"], ["minus"])
            .Node("Equal", ["target", "minus"], ["eq"])
            .Node("Where", ["eq", "ones", "target"], ["shape"])
            .Node("Expand", ["x", "shape"], ["y"])
            .Output("y").Infer();
        Assert.Equal([0, 1, 0], g.Get("eq").Value!.Longs!);
        Assert.Equal(OnnxElementType.Bool, g.Get("eq").Type);
        Assert.Equal([2, 1, 5], g.Get("shape").Value!.Longs!);
        Assert.Equal([2, 3, 5], g.Get("y").Shape);
        Assert.Equal(["Expand"], g.ComputeNodes.Select(n => n.OpType));
    }

    [Fact]
    public void Min_max_floor_ceil_not_and_or_fold()
    {
        var g = new TinyOnnx(13).Input("x", 1)
            .Ints("a", 3, -4, 7).Ints("b", 5, -6, 7).Ints("c", 4)
            .Node("Min", ["a", "b", "c"], ["min"])
            .Node("Max", ["a", "b"], ["max"])
            .Floats("f", 1.5f, -1.5f, 2f)
            .Node("Floor", ["f"], ["floor"])
            .Node("Ceil", ["f"], ["ceil"])
            .Node("Less", ["a", "b"], ["lt"])
            .Node("Equal", ["a", "b"], ["eq"])
            .Node("Not", ["lt"], ["nlt"])
            .Node("And", ["lt", "eq"], ["and"])
            .Node("Or", ["lt", "eq"], ["or"])
            .Node("Greater", ["f", "floor"], ["gt"])
            .Output("min").Output("max").Output("floor").Output("ceil").Output("nlt").Output("and").Output("or").Output("gt").Infer();
        Assert.Equal([3, -6, 4], g.Get("min").Value!.Longs!);
        Assert.Equal([5, -4, 7], g.Get("max").Value!.Longs!);
        Assert.Equal([1.0, -2.0, 2.0], g.Get("floor").Value!.Doubles!);
        Assert.Equal([2.0, -1.0, 2.0], g.Get("ceil").Value!.Doubles!);
        Assert.Equal([0, 1, 1], g.Get("nlt").Value!.Longs!);
        Assert.Equal([0, 0, 0], g.Get("and").Value!.Longs!);
        Assert.Equal([1, 0, 1], g.Get("or").Value!.Longs!);
        Assert.Equal([1, 1, 0], g.Get("gt").Value!.Longs!);
        Assert.Empty(g.ComputeNodes);
    }
}
