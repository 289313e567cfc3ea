using Sim.Core.Config;
using Sim.Explorer.Import.Onnx;

namespace Sim.Explorer.Tests.Import.Onnx;

public class ShapeFoldingTests
{
    [Fact]
    public void Reshape_target_computed_by_shape_gather_concat_is_folded()
    {
        // x [2,3,4,5] → Shape → Gather(0) = [2] → Unsqueeze → Concat with [0,-1] = [2,0,-1] → Reshape: 0 copies 3, -1 = 120/(2·3) = 20.
        var g = new TinyOnnx(13).Input("x", 2, 3, 4, 5)
            .Node("Shape", ["x"], ["s"])
            .Constant("i0", TinyOnnx.Int64Tensor([], [0]))
            .Node("Gather", ["s", "i0"], ["n"], ("axis", 0L))
            .Ints("ax", 0)
            .Node("Unsqueeze", ["n", "ax"], ["n1"])
            .Ints("rest", 0, -1)
            .Node("Concat", ["n1", "rest"], ["target"], ("axis", 0L))
            .Node("Reshape", ["x", "target"], ["y"])
            .Output("y").Infer();
        Assert.Equal([2, 3, 20], g.Get("y").Shape);
        Assert.Equal([2, 0, -1], g.Get("target").Value!.Longs!);
        Assert.Equal(TensorRole.Constant, g.Get("target").Role);
        Assert.Equal(TensorRole.Activation, g.Get("y").Role);
        Assert.Equal(["Shape", "Constant", "Gather", "Constant", "Unsqueeze", "Constant", "Concat"], g.Nodes.Where(n => n.IsFolded).Select(n => n.OpType));
        Assert.Equal(["Reshape"], g.ComputeNodes.Select(n => n.OpType));
    }

    [Fact]
    public void Reshape_allowzero_and_count_errors()
    {
        var zero = new TinyOnnx(14).Input("x", 0, 4).Ints("t", 4, 0).Node("Reshape", ["x", "t"], ["y"], ("allowzero", 1L)).Output("y").Infer();
        Assert.Equal([4, 0], zero.Get("y").Shape);
        var bad = new TinyOnnx().Input("x", 2, 6).Ints("t", 5, 2).Node("Reshape", ["x", "t"], ["y"]).Output("y");
        var e = Assert.Throws<SimInputException>(() => bad.Infer());
        Assert.Contains("node 'reshape1' (Reshape): shape [5,2] holds 10 elements, X 'x' [2x6] has 12", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Slice_with_negative_bounds_steps_and_clamping()
    {
        // axis 1 (10): starts -3 → 7, ends huge → clamp 10: 3 elements. axis 2 (8): start -1 → 7, end -9 → clamp −1, step −2: 7,5,3,1 → 4.
        var g = new TinyOnnx().Input("x", 2, 10, 8)
            .Ints("starts", -3, -1).Ints("ends", long.MaxValue, -9).Ints("axes", 1, -1).Ints("steps", 1, -2)
            .Node("Slice", ["x", "starts", "ends", "axes", "steps"], ["y"])
            .Output("y").Infer();
        Assert.Equal([2, 3, 4], g.Get("y").Shape);
        Assert.All(["starts", "ends", "axes", "steps"], n => Assert.Equal(TensorRole.Constant, g.Get(n).Role));
    }

    [Fact]
    public void Slice_folds_values_in_attribute_form_before_opset_10()
    {
        // Shape [1,3,48,320] sliced [-2:] in opset 9 attributes → [48,320].
        var g = new TinyOnnx(9).Input("x", 1, 3, 48, 320)
            .Node("Shape", ["x"], ["s"])
            .Node("Slice", ["s"], ["hw"], ("starts", new long[] { -2 }), ("ends", new long[] { long.MaxValue }), ("axes", new long[] { 0 }))
            .Output("hw").Infer();
        Assert.Equal([48, 320], g.Get("hw").Value!.Longs!);
    }

    [Fact]
    public void Squeeze_and_unsqueeze_read_axes_from_attributes_before_opset_13_and_inputs_from_13()
    {
        var old = new TinyOnnx(11).Input("x", 1, 3, 1, 5)
            .Node("Squeeze", ["x"], ["s"], ("axes", new long[] { 0, -2 }))
            .Node("Unsqueeze", ["s"], ["u"], ("axes", new long[] { 1, -1 }))
            .Output("u").Infer();
        Assert.Equal([3, 5], old.Get("s").Shape);
        Assert.Equal([3, 1, 5, 1], old.Get("u").Shape);
        var current = new TinyOnnx(13).Input("x", 1, 3, 1, 5)
            .Node("Squeeze", ["x"], ["all"])
            .Ints("a", 0).Node("Squeeze", ["x", "a"], ["s"])
            .Ints("b", 0, 4).Node("Unsqueeze", ["s", "b"], ["u"])
            .Output("all").Output("u").Infer();
        Assert.Equal([3, 5], current.Get("all").Shape);
        Assert.Equal([3, 1, 5], current.Get("s").Shape);
        Assert.Equal([1, 3, 1, 5, 1], current.Get("u").Shape);
        var e = Assert.Throws<SimInputException>(() => new TinyOnnx(13).Input("x", 2, 3).Ints("a", 0).Node("Squeeze", ["x", "a"], ["y"]).Output("y").Infer());
        Assert.Contains("cannot squeeze axis 0", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resize_by_scales_floors_and_by_sizes_copies()
    {
        // opset 11: scales [1,1,2,1.5] on [1,2,5,7] → [1,2,10,⌊10.5⌋=10]; sizes [1,2,9,4] with an empty scales tensor.
        var empty = new Sim.Explorer.Import.Onnx.Proto.TensorProto { DataType = (int)OnnxElementType.Float };
        empty.Dims.Add(0);
        var g = new TinyOnnx(11).Input("x", 1, 2, 5, 7)
            .Floats("roi").Floats("scales", 1, 1, 2, 1.5f)
            .Node("Resize", ["x", "roi", "scales"], ["up"], ("mode", "nearest"))
            .Constant("none", empty).Ints("sizes", 1, 2, 9, 4)
            .Node("Resize", ["x", "roi", "none", "sizes"], ["sized"])
            .Output("up").Output("sized").Infer();
        Assert.Equal([1, 2, 10, 10], g.Get("up").Shape);
        Assert.Equal([1, 2, 9, 4], g.Get("sized").Shape);
        var v10 = new TinyOnnx(10).Input("x", 1, 2, 5, 7).Floats("scales", 1, 1, 0.5f, 3)
            .Node("Resize", ["x", "scales"], ["y"]).Output("y").Infer();
        Assert.Equal([1, 2, 2, 21], v10.Get("y").Shape);
    }

    [Fact]
    public void ConstantOfShape_range_expand_split_concat_transpose()
    {
        var g = new TinyOnnx(13).Input("x", 4, 1, 3)
            .Ints("shape", 2, 3)
            .Node("ConstantOfShape", ["shape"], ["zeros"])
            .Constant("start", TinyOnnx.Int64Tensor([], [1])).Constant("limit", TinyOnnx.Int64Tensor([], [10])).Constant("delta", TinyOnnx.Int64Tensor([], [3]))
            .Node("Range", ["start", "limit", "delta"], ["r"])
            .Ints("to", 4, 5, 1)
            .Node("Expand", ["x", "to"], ["e"])
            .Ints("parts", 1, 2)
            .Node("Split", ["x", "parts"], ["s0", "s1"], ("axis", -1L))
            .Node("Concat", ["x", "x"], ["c"], ("axis", 1L))
            .Node("Transpose", ["x"], ["t"], ("perm", new long[] { 2, 0, 1 }))
            .Output("zeros").Output("r").Output("e").Output("s0").Output("s1").Output("c").Output("t").Infer();
        Assert.Equal([2, 3], g.Get("zeros").Shape);
        Assert.Equal(OnnxElementType.Float, g.Get("zeros").Type);
        Assert.Equal([1, 4, 7], g.Get("r").Value!.Longs!);
        Assert.Equal([4, 5, 3], g.Get("e").Shape);
        Assert.Equal([4, 1, 1], g.Get("s0").Shape);
        Assert.Equal([4, 1, 2], g.Get("s1").Shape);
        Assert.Equal([4, 2, 3], g.Get("c").Shape);
        Assert.Equal([3, 4, 1], g.Get("t").Shape);
    }

    [Fact]
    public void Concat_with_mismatched_dims_is_an_error()
    {
        var model = new TinyOnnx().Input("a", 1, 2, 3).Input("b", 1, 5, 4).Node("Concat", ["a", "b"], ["y"], ("axis", 1L)).Output("y");
        var e = Assert.Throws<SimInputException>(() => model.Infer());
        Assert.Contains("node 'concat0' (Concat): inputs 'a' [1x2x3], 'b' [1x5x4] differ outside the concat axis 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Arithmetic_on_small_int_constants_folds_with_broadcasting_and_truncating_division()
    {
        var g = new TinyOnnx().Input("x", 6, 4)
            .Node("Shape", ["x"], ["s"])
            .Constant("two", TinyOnnx.Int64Tensor([], [2]))
            .Node("Div", ["s", "two"], ["half"]).Node("Mul", ["half", "two"], ["back"]).Node("Sub", ["s", "two"], ["less"])
            .Node("Cast", ["s"], ["f"], ("to", (long)OnnxElementType.Float))
            .Output("back").Output("less").Output("f").Infer();
        Assert.Equal([3, 2], g.Get("half").Value!.Longs!);
        Assert.Equal([6, 4], g.Get("back").Value!.Longs!);
        Assert.Equal([4, 2], g.Get("less").Value!.Longs!);
        Assert.Equal([6.0, 4.0], g.Get("f").Value!.Doubles!);
        Assert.True(g.Nodes.All(n => n.IsFolded));
    }

    [Fact]
    public void Gather_and_transpose_fold_values_in_row_major_order()
    {
        var m = TinyOnnx.Int64Tensor([2, 3], [1, 2, 3, 4, 5, 6]);
        var g = new TinyOnnx().Constant("m", m)
            .Node("Transpose", ["m"], ["t"])
            .Ints("cols", 2, 0)
            .Node("Gather", ["m", "cols"], ["g"], ("axis", 1L))
            .Output("t").Output("g").Infer();
        Assert.Equal([1, 4, 2, 5, 3, 6], g.Get("t").Value!.Longs!);
        Assert.Equal([3, 1, 6, 4], g.Get("g").Value!.Longs!);
        Assert.Equal([2, 2], g.Get("g").Shape);
    }
}
