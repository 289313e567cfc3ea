namespace Sim.Core.Workloads;

/// <summary>
/// The data side of <see cref="Conv2d.ToGemm"/>: builds the GEMM operands a tile multiplies for a convolution.
/// A[M = batch·ofmap_h·ofmap_w, K = filter_h·filter_w·channels] holds one flattened input window per row (zeros where
/// the window covers padding); B[K, N = filters] is the HWIO weight tensor viewed as a matrix; Z = A·B is the NHWC output.
/// </summary>
public static class Im2Col
{
    public static (T[] A, T[] B) Lower<T>(Conv2d conv, T[] input, T[] weights)
    {
        ArgumentNullException.ThrowIfNull(conv);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(weights);
        if (conv.Groups != 1)
            throw new ArgumentException($"conv '{conv.Name}' has {conv.Groups} groups: im2col lowers one group at a time (one GEMM per group)", nameof(conv));
        var gemm = conv.ToGemm();
        int h = (int)conv.IfmapH, w = (int)conv.IfmapW, c = (int)conv.Channels;
        int fh = (int)conv.FilterH, fw = (int)conv.FilterW, sh = (int)conv.Stride, sw = (int)conv.StrideW;
        int dh = (int)conv.DilationH, dw = (int)conv.DilationW, top = (int)conv.Pads.Top, left = (int)conv.Pads.Left;
        int oh = (int)conv.OfmapH, ow = (int)conv.OfmapW, k = (int)gemm.K;
        if (input.LongLength != conv.Batch * h * w * c || weights.LongLength != gemm.K * gemm.N)
            throw new ArgumentException($"conv '{conv.Name}': input {input.Length} or weights {weights.Length} do not match its shape");

        var a = new T[checked((int)(gemm.M * gemm.K))];
        for (int row = 0; row < gemm.M; row++)
        {
            int n = row / (oh * ow), y = row / ow % oh, x = row % ow;
            for (int col = 0; col < k; col++)
            {
                // K is ordered (dy, dx, channel), matching the HWIO weight rows.
                int dy = col / (fw * c), dx = col / c % fw, ch = col % c;
                int iy = (y * sh) + (dy * dh) - top, ix = (x * sw) + (dx * dw) - left;
                a[row * k + col] = iy >= 0 && iy < h && ix >= 0 && ix < w ? input[((n * h + iy) * w + ix) * c + ch] : default!;
            }
        }

        return (a, weights);
    }
}
