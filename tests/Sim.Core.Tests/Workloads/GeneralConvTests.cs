using CsCheck;
using Sim.Core.Reference;
using Sim.Core.Workloads;

namespace Sim.Core.Tests.Workloads;

/// <summary>Groups, dilation, per-axis strides and per-side pads: shapes by hand, data against the direct oracle.</summary>
public class GeneralConvTests
{
    [Fact]
    public void Depthwise_stride_2_with_same_upper_pads_is_one_gemm_per_channel()
    {
        // 7x7, 3x3 depthwise over 8 channels, stride 2, pads (0, 0, 1, 1) as ONNX SAME_UPPER gives: padded 8x8,
        // (8 - 3) / 2 + 1 = 3 per axis. Per group: M = 9, N = 1, K = 9; 8 groups; MACs = 8 * 81 = 648.
        var dw = new Conv2d("dw", 7, 7, 3, 3, 8, 8, 2, 0, 1, []) { Groups = 8, Pads = new ConvPads(0, 0, 1, 1) };
        Assert.Equal((3L, 3L), (dw.OfmapH, dw.OfmapW));
        Assert.Equal(new GemmShape(9, 1, 9), dw.ToGemm());
        Assert.Equal(8, dw.Instances);
        Assert.Equal(648, dw.Macs);
        Assert.Null(dw.Problem());
    }

    [Fact]
    public void Dilation_widens_the_window_without_adding_macs()
    {
        // 10x10, 3x3 at dilation 2: extent 5, (10 - 5) / 1 + 1 = 6 per axis; K stays 3*3*4.
        var c = new Conv2d("d", 10, 10, 3, 3, 4, 2, 1, 0, 1, []) { DilationH = 2, DilationW = 2 };
        Assert.Equal((5L, 6L), (c.EffectiveFilterH, c.OfmapH));
        Assert.Equal(new GemmShape(36, 2, 36), c.ToGemm());
    }

    [Fact]
    public void Width_stride_differs_from_height_stride()
    {
        // A text recogniser's (2, 1) stride: 8x8 pad 1, 3x3 -> (10 - 3) / 2 + 1 = 4 rows, 8 columns.
        var c = new Conv2d("s", 8, 8, 3, 3, 1, 1, 2, 1, 1, []) { StrideW = 1 };
        Assert.Equal((4L, 8L), (c.OfmapH, c.OfmapW));
    }

    [Fact]
    public void Conv_transpose_output_size_and_macs_follow_onnx()
    {
        // (4 - 1) * 2 - 1 - 1 + (3 - 1) + 1 + 1 = 8; MACs = 4*4 * 6 * 10 * 3*3 / 2 (groups 2) = 4320.
        var t = new ConvTranspose2d("up", 4, 4, 3, 3, 6, 10, 2, 2, ConvPads.Uniform(1), 1, []) { OutputPaddingH = 1, OutputPaddingW = 1, Groups = 2 };
        Assert.Equal((8L, 8L), (t.OfmapH, t.OfmapW));
        Assert.Equal(new GemmShape(16, 45, 3), t.ToGemm());
        Assert.Equal(4320, t.Macs);
        Assert.Null(t.Problem());
        Assert.Contains("output padding", (t with { OutputPaddingH = 2 }).Problem(), StringComparison.Ordinal);
    }

    [Fact]
    public void Shape_problems_are_named()
    {
        Assert.Contains("groups 3", new Conv2d("g", 8, 8, 3, 3, 8, 8, 1, 1, 1, []) { Groups = 3 }.Problem(), StringComparison.Ordinal);
        Assert.Contains("dilated", new Conv2d("d", 4, 4, 3, 3, 1, 1, 1, 0, 1, []) { DilationH = 2 }.Problem(), StringComparison.Ordinal);
        var e = Assert.Throws<ArgumentException>(() => new Workload("w", [new Conv2d("g", 8, 8, 3, 3, 8, 8, 1, 1, 1, []) { Groups = 3 }]));
        Assert.Contains("op 'g'", e.Message, StringComparison.Ordinal);
    }

    private static readonly Gen<Conv2d> GeneralConvs =
        Gen.Select(Gen.Int[3, 7], Gen.Int[3, 7], Gen.Int[1, 3], Gen.Int[1, 3], Gen.Int[1, 2], Gen.Int[1, 2], Gen.Int[1, 2])
            .SelectMany((h, w, fh, fw, sh, sw, dil) => Gen.Select(Gen.Int[0, 2], Gen.Int[0, 2], Gen.Int[0, 1], Gen.Int[0, 1], Gen.Int[1, 3], Gen.Int[1, 2])
                .Select((top, left, bottom, right, groups, perGroup) => new Conv2d("c", h, w, fh, fw, groups * perGroup, groups * 2, sh, 0, 1, [])
                {
                    StrideW = sw,
                    DilationH = dil,
                    DilationW = 1,
                    Pads = new ConvPads(top, left, bottom, right),
                    Groups = groups,
                }))
            .Where(c => c.Problem() is null);

    [Fact]
    public void Grouped_dilated_strided_conv_equals_one_im2col_gemm_per_group()
    {
        // Independent paths: the oracle walks windows in input coordinates over all groups at once; here each group is
        // sliced out, lowered by im2col as a dense conv and multiplied, and its filters scattered back.
        GeneralConvs.Select(Gen.Int[0, 1000]).Sample((conv, seed) =>
        {
            var rng = new Random(seed);
            var input = Enumerable.Range(0, (int)(conv.IfmapH * conv.IfmapW * conv.Channels)).Select(_ => (sbyte)rng.Next(-8, 8)).ToArray();
            var weights = Enumerable.Range(0, (int)(conv.FilterH * conv.FilterW * conv.ChannelsPerGroup * conv.Filters)).Select(_ => (sbyte)rng.Next(-8, 8)).ToArray();
            var expected = ReferenceConv2d.Int8(conv, input, weights);
            Assert.Equal(expected, PerGroupIm2Col(conv, input, weights));
        }, iter: 60);
    }

    private static int[] PerGroupIm2Col(Conv2d conv, sbyte[] input, sbyte[] weights)
    {
        int cg = (int)conv.ChannelsPerGroup, fg = (int)conv.FiltersPerGroup, f = (int)conv.Filters, pixels = (int)(conv.IfmapH * conv.IfmapW);
        int taps = (int)(conv.FilterH * conv.FilterW), outPixels = (int)(conv.OfmapH * conv.OfmapW);
        var output = new int[outPixels * f];
        var dense = conv with { Channels = cg, Filters = fg, Groups = 1 };
        for (int g = 0; g < conv.Groups; g++)
        {
            var groupInput = new sbyte[pixels * cg];
            for (int p = 0; p < pixels; p++)
                for (int ch = 0; ch < cg; ch++)
                    groupInput[(p * cg) + ch] = input[(p * (int)conv.Channels) + (g * cg) + ch];
            var groupWeights = new sbyte[taps * cg * fg];
            for (int row = 0; row < taps * cg; row++)
                for (int o = 0; o < fg; o++)
                    groupWeights[(row * fg) + o] = weights[(row * f) + (g * fg) + o];
            var (a, b) = Im2Col.Lower(dense, groupInput, groupWeights);
            var gemm = dense.ToGemm();
            for (int m = 0; m < gemm.M; m++)
                for (int n = 0; n < gemm.N; n++)
                {
                    int sum = 0;
                    for (int k = 0; k < gemm.K; k++)
                        sum += a[(m * gemm.K) + k] * b[(k * gemm.N) + n];
                    output[(m * f) + (g * fg) + n] = sum;
                }
        }

        return output;
    }
}
