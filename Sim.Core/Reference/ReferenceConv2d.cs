using Sim.Core.Workloads;

namespace Sim.Core.Reference;

/// <summary>
/// Direct convolution, the oracle for conv layers run through a tile's GEMM path: NHWC input
/// [batch, ifmap_h, ifmap_w, channels], HWIO weights [filter_h, filter_w, channels, filters], NHWC output
/// [batch, ofmap_h, ofmap_w, filters]; zero padding on every side; int8 operands, int32 accumulation (exact).
/// It shares no indexing with <see cref="Im2Col"/>: a window is walked in the input's own coordinates.
/// </summary>
public static class ReferenceConv2d
{
    public static int[] Int8(Conv2d conv, ReadOnlySpan<sbyte> input, ReadOnlySpan<sbyte> weights)
    {
        ArgumentNullException.ThrowIfNull(conv);
        int b = (int)conv.Batch, h = (int)conv.IfmapH, w = (int)conv.IfmapW, c = (int)conv.Channels, f = (int)conv.Filters;
        int fh = (int)conv.FilterH, fw = (int)conv.FilterW, s = (int)conv.Stride, p = (int)conv.Padding;
        int oh = (int)conv.OfmapH, ow = (int)conv.OfmapW;
        if (input.Length != b * h * w * c || weights.Length != fh * fw * c * f)
            throw new ArgumentException($"conv '{conv.Name}': input {input.Length} or weights {weights.Length} do not match its shape");

        var output = new int[b * oh * ow * f];
        for (int n = 0; n < b; n++)
            for (int y = 0; y < oh; y++)
                for (int x = 0; x < ow; x++)
                    for (int o = 0; o < f; o++)
                    {
                        int sum = 0;
                        for (int dy = 0; dy < fh; dy++)
                            for (int dx = 0; dx < fw; dx++)
                            {
                                int iy = y * s + dy - p, ix = x * s + dx - p;
                                if (iy < 0 || iy >= h || ix < 0 || ix >= w)
                                    continue; // zero padding
                                for (int ch = 0; ch < c; ch++)
                                    sum += input[((n * h + iy) * w + ix) * c + ch] * weights[((dy * fw + dx) * c + ch) * f + o];
                            }

                        output[((n * oh + y) * ow + x) * f + o] = sum;
                    }

        return output;
    }
}
