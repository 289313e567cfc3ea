using Sim.Core.Workloads;

namespace Sim.Core.Reference;

/// <summary>
/// Direct convolution, the oracle for conv layers run through a tile's GEMM path: NHWC input
/// [batch, ifmap_h, ifmap_w, channels], HWIO weights [filter_h, filter_w, channels/groups, filters], NHWC output
/// [batch, ofmap_h, ofmap_w, filters]; zero padding per side, strides, dilation and groups as in ONNX Conv (filter o
/// belongs to group o / (filters/groups) and sees that group's channels); int8 operands, int32 accumulation (exact).
/// It shares no indexing with <see cref="Im2Col"/>: a window is walked in the input's own coordinates.
/// </summary>
public static class ReferenceConv2d
{
    public static int[] Int8(Conv2d conv, ReadOnlySpan<sbyte> input, ReadOnlySpan<sbyte> weights)
    {
        ArgumentNullException.ThrowIfNull(conv);
        int b = (int)conv.Batch, h = (int)conv.IfmapH, w = (int)conv.IfmapW, c = (int)conv.Channels, f = (int)conv.Filters;
        int fh = (int)conv.FilterH, fw = (int)conv.FilterW, sh = (int)conv.Stride, sw = (int)conv.StrideW;
        int dh = (int)conv.DilationH, dw = (int)conv.DilationW, top = (int)conv.Pads.Top, left = (int)conv.Pads.Left;
        int oh = (int)conv.OfmapH, ow = (int)conv.OfmapW, cg = (int)conv.ChannelsPerGroup, fg = (int)conv.FiltersPerGroup;
        if (input.Length != b * h * w * c || weights.Length != fh * fw * cg * f)
            throw new ArgumentException($"conv '{conv.Name}': input {input.Length} or weights {weights.Length} do not match its shape");

        var output = new int[b * oh * ow * f];
        for (int n = 0; n < b; n++)
            for (int y = 0; y < oh; y++)
                for (int x = 0; x < ow; x++)
                    for (int o = 0; o < f; o++)
                    {
                        int sum = 0, firstChannel = o / fg * cg;
                        for (int dy = 0; dy < fh; dy++)
                            for (int dx = 0; dx < fw; dx++)
                            {
                                int iy = (y * sh) + (dy * dh) - top, ix = (x * sw) + (dx * dw) - left;
                                if (iy < 0 || iy >= h || ix < 0 || ix >= w)
                                    continue; // zero padding
                                for (int ch = 0; ch < cg; ch++)
                                    sum += input[((n * h + iy) * w + ix) * c + firstChannel + ch] * weights[((dy * fw + dx) * cg + ch) * f + o];
                            }

                        output[((n * oh + y) * ow + x) * f + o] = sum;
                    }

        return output;
    }
}
