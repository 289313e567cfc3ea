using CsCheck;
using Sim.Core.Config;
using Sim.Explorer.Import.Onnx;

namespace Sim.Explorer.Tests.Import.Onnx;

public class ConvShapeTests
{
    [Fact]
    public void Depthwise_stride_2_same_upper_halves_rounding_up_and_pads_the_odd_pixel_at_the_end()
    {
        // 8 channels, group 8, 3×3, stride 2 on 15×16: out = ⌈15/2⌉×⌈16/2⌉ = 8×8.
        // Total padding H: (8−1)·2 + 3 − 15 = 2 → 1/1; W: (8−1)·2 + 3 − 16 = 1 → 0 begin, 1 end (SAME_UPPER puts the odd one last).
        var g = new TinyOnnx().Input("x", 1, 8, 15, 16).Weight("w", 8, 1, 3, 3)
            .Node("Conv", ["x", "w"], ["y"], ("group", 8L), ("strides", new long[] { 2, 2 }), ("auto_pad", "SAME_UPPER"))
            .Output("y").Infer();
        Assert.Equal([1, 8, 8, 8], g.Get("y").Shape);
        var geometry = ConvGeometry.Forward(g.Nodes[0].Attributes, [15, 16], [3, 3]);
        Assert.Equal([1, 0], geometry.PadsBegin);
        Assert.Equal([1, 1], geometry.PadsEnd);
        var lower = ConvGeometry.Forward(new OnnxAttributes("f", "n", [Str("auto_pad", "SAME_LOWER"), Ints("strides", 2, 2)]), [15, 16], [3, 3]);
        Assert.Equal([1, 1], lower.PadsBegin);
        Assert.Equal([1, 0], lower.PadsEnd);
    }

    [Fact]
    public void Dilated_conv_uses_the_dilated_kernel_extent()
    {
        // 3×3 dilation 2 → extent 5; 20×20 with pads 1: ⌊(20 + 2 − 5)/1⌋ + 1 = 18. Bias [16] is accepted.
        var g = new TinyOnnx().Input("x", 2, 4, 20, 20).Weight("w", 16, 4, 3, 3).Weight("b", 16)
            .Node("Conv", ["x", "w", "b"], ["y"], ("dilations", new long[] { 2, 2 }), ("pads", new long[] { 1, 1, 1, 1 }))
            .Output("y").Infer();
        Assert.Equal([2, 16, 18, 18], g.Get("y").Shape);
    }

    [Fact]
    public void Grouped_conv_strided_with_asymmetric_pads()
    {
        // group 2: W [6, 2, 3, 5] needs C = 4. H: ⌊(11 + 0 + 1 − 3)/2⌋ + 1 = 5; W: ⌊(9 + 2 + 0 − 5)/3⌋ + 1 = 3.
        var g = new TinyOnnx().Input("x", 1, 4, 11, 9).Weight("w", 6, 2, 3, 5)
            .Node("Conv", ["x", "w"], ["y"], ("group", 2L), ("strides", new long[] { 2, 3 }), ("pads", new long[] { 0, 2, 1, 0 }))
            .Output("y").Infer();
        Assert.Equal([1, 6, 5, 3], g.Get("y").Shape);
    }

    [Fact]
    public void Conv_channel_mismatch_names_the_node_and_both_shapes()
    {
        var model = new TinyOnnx().Input("x", 1, 3, 8, 8).Weight("w", 4, 2, 3, 3)
            .Node("Conv", ["x", "w"], ["y"]).Output("y");
        var e = Assert.Throws<SimInputException>(() => model.Infer());
        Assert.Contains("node 'conv0' (Conv)", e.Message, StringComparison.Ordinal);
        Assert.Contains("'x' [1x3x8x8] has 3 channels", e.Message, StringComparison.Ordinal);
        Assert.Contains("Fix:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConvTranspose_with_output_padding_and_groups()
    {
        // out = s·(in−1) + output_padding + (k−1)·d + 1 − pb − pe = 2·(7−1) + 1 + 3 − 1 − 1 = 14; channels W[1]·group = 3·2.
        var g = new TinyOnnx().Input("x", 1, 4, 7, 7).Weight("w", 4, 3, 3, 3)
            .Node("ConvTranspose", ["x", "w"], ["y"], ("group", 2L), ("strides", new long[] { 2, 2 }), ("pads", new long[] { 1, 1, 1, 1 }),
                ("output_padding", new long[] { 1, 1 }))
            .Output("y").Infer();
        Assert.Equal([1, 6, 14, 14], g.Get("y").Shape);
    }

    [Fact]
    public void ConvTranspose_output_shape_fixes_the_size_and_same_upper_doubles_it()
    {
        var shaped = new TinyOnnx().Input("x", 1, 2, 5, 5).Weight("w", 2, 4, 4, 4)
            .Node("ConvTranspose", ["x", "w"], ["y"], ("strides", new long[] { 2, 2 }), ("output_shape", new long[] { 10, 11 }))
            .Output("y").Infer();
        Assert.Equal([1, 4, 10, 11], shaped.Get("y").Shape);
        var same = new TinyOnnx().Input("x", 1, 2, 5, 6).Weight("w", 2, 4, 3, 3)
            .Node("ConvTranspose", ["x", "w"], ["y"], ("strides", new long[] { 2, 2 }), ("auto_pad", "SAME_UPPER"))
            .Output("y").Infer();
        Assert.Equal([1, 4, 10, 12], same.Get("y").Shape);
    }

    [Fact]
    public void Pools_with_and_without_ceil_mode()
    {
        // MaxPool 3×3 stride 2 on 8×8: floor ⌊(8 − 3)/2⌋ + 1 = 3; ceil ⌈5/2⌉ + 1 = 4 (last window starts at 6 < 8: kept).
        // AveragePool 2×2 stride 2 pads 1 on 5×5, ceil: ⌈(5 + 2 − 2)/2⌉ + 1 = 4, last window starts at 6 ≥ 5 + 1 (in the end pad) → 3.
        var g = new TinyOnnx().Input("x", 1, 2, 8, 8).Input("z", 1, 2, 5, 5)
            .Node("MaxPool", ["x"], ["floor"], ("kernel_shape", new long[] { 3, 3 }), ("strides", new long[] { 2, 2 }))
            .Node("MaxPool", ["x"], ["ceil", "indices"], ("kernel_shape", new long[] { 3, 3 }), ("strides", new long[] { 2, 2 }), ("ceil_mode", 1L))
            .Node("AveragePool", ["z"], ["avg"], ("kernel_shape", new long[] { 2, 2 }), ("strides", new long[] { 2, 2 }), ("pads", new long[] { 1, 1, 1, 1 }), ("ceil_mode", 1L))
            .Node("GlobalAveragePool", ["z"], ["gap"])
            .Output("floor").Output("ceil").Output("indices").Output("avg").Output("gap").Infer();
        Assert.Equal([1, 2, 3, 3], g.Get("floor").Shape);
        Assert.Equal([1, 2, 4, 4], g.Get("ceil").Shape);
        Assert.Equal(OnnxElementType.Int64, g.Get("indices").Type);
        Assert.Equal([1, 2, 3, 3], g.Get("avg").Shape);
        Assert.Equal([1, 2, 1, 1], g.Get("gap").Shape);
    }

    [Fact]
    public void Explicit_padding_output_counts_every_window_that_fits()
    {
        // Oracle: count window starts o·s (o ≥ 0) whose dilated extent fits inside the padded input.
        Gen.Select(Gen.Long[1, 40], Gen.Long[1, 7], Gen.Long[1, 4], Gen.Long[1, 3], Gen.Long[0, 3], Gen.Long[0, 3])
            .Where(t => t.Item1 + t.Item5 + t.Item6 >= (t.Item2 - 1) * t.Item4 + 1)
            .Sample((input, kernel, stride, dilation, pb, pe) =>
            {
                var attributes = new OnnxAttributes("f", "n", [Ints("strides", stride), Ints("dilations", dilation), Ints("pads", pb, pe)]);
                var windows = 0L;
                for (var o = 0L; o * stride + (kernel - 1) * dilation <= input + pb + pe - 1; o++)
                    windows++;
                Assert.Equal(windows, ConvGeometry.Forward(attributes, [input], [kernel]).Output[0]);
            });
    }

    [Fact]
    public void Same_padding_gives_ceil_in_over_stride_and_pads_that_reproduce_it()
    {
        Gen.Select(Gen.Long[1, 40], Gen.Long[1, 7], Gen.Long[1, 4], Gen.Long[1, 3], Gen.Bool).Sample((input, kernel, stride, dilation, upper) =>
        {
            var attributes = new OnnxAttributes("f", "n", [Str("auto_pad", upper ? "SAME_UPPER" : "SAME_LOWER"), Ints("strides", stride), Ints("dilations", dilation)]);
            var g = ConvGeometry.Forward(attributes, [input], [kernel]);
            Assert.Equal((input + stride - 1) / stride, g.Output[0]);
            var span = input + g.PadsBegin[0] + g.PadsEnd[0] - ((kernel - 1) * dilation + 1);
            Assert.Equal(g.Output[0], span / stride + 1);
            Assert.True(Math.Abs(g.PadsBegin[0] - g.PadsEnd[0]) <= 1);
        });
    }

    private static OnnxAttributeEntry Ints(string name, params long[] values) =>
        new(name, OnnxAttributeKind.Ints, 0, 0, "", [], values, [], null);

    private static OnnxAttributeEntry Str(string name, string value) =>
        new(name, OnnxAttributeKind.String, 0, 0, value, [], [], [], null);
}
