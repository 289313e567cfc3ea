using Sim.Core.Config;

namespace Sim.Explorer.Import.Onnx;

/// <summary>
/// The resolved spatial geometry of a Conv, ConvTranspose or pooling node, per spatial dim: kernel, strides, dilations,
/// explicit begin/end pads (auto_pad resolved) and output size. Follows the ONNX operator spec (Conv, ConvTranspose,
/// MaxPool/AveragePool); the lowering reads pads from here rather than re-deriving auto_pad.
/// </summary>
public sealed record ConvGeometry(
    IReadOnlyList<long> Kernel,
    IReadOnlyList<long> Strides,
    IReadOnlyList<long> Dilations,
    IReadOnlyList<long> PadsBegin,
    IReadOnlyList<long> PadsEnd,
    IReadOnlyList<long> Output)
{
    /// <summary>
    /// Conv and pools. NOTSET: out = ⌊(in + pb + pe − ((k−1)·d+1)) / s⌋ + 1 (⌈⌉ with ceil_mode, dropping a last window that
    /// starts in the end padding, as onnxruntime does); VALID: pads 0; SAME_UPPER/LOWER: out = ⌈in / s⌉ with total padding
    /// max(0, (out−1)·s + (k−1)·d + 1 − in), the odd one at the end (UPPER) or the beginning (LOWER).
    /// </summary>
    public static ConvGeometry Forward(OnnxAttributes attributes, IReadOnlyList<long> input, IReadOnlyList<long> kernel, bool ceilMode = false)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        var n = input.Count;
        var (strides, dilations, pads) = Common(attributes, n);
        var autoPad = AutoPad(attributes);
        var begin = new long[n];
        var end = new long[n];
        var output = new long[n];
        for (var i = 0; i < n; i++)
        {
            var effective = (kernel[i] - 1) * dilations[i] + 1;
            switch (autoPad)
            {
                case "SAME_UPPER" or "SAME_LOWER":
                    output[i] = (input[i] + strides[i] - 1) / strides[i];
                    var total = Math.Max(0, (output[i] - 1) * strides[i] + effective - input[i]);
                    begin[i] = autoPad == "SAME_UPPER" ? total / 2 : total - total / 2;
                    end[i] = total - begin[i];
                    break;
                default:
                    if (autoPad == "NOTSET")
                    {
                        begin[i] = pads[i];
                        end[i] = pads[i + n];
                    }
                    var span = input[i] + begin[i] + end[i] - effective;
                    if (span < 0)
                        throw Fail(attributes, $"spatial dim {i}: input {input[i]} padded by {begin[i]}+{end[i]} is smaller than the dilated kernel {effective}", "check the kernel, pads and dilations against the input size");
                    if (ceilMode)
                    {
                        output[i] = (span + strides[i] - 1) / strides[i] + 1;
                        if ((output[i] - 1) * strides[i] >= input[i] + begin[i])
                            output[i]--;
                    }
                    else
                    {
                        output[i] = span / strides[i] + 1;
                    }
                    break;
            }
        }
        return new ConvGeometry(kernel.ToArray(), strides, dilations, begin, end, output);
    }

    /// <summary>
    /// ConvTranspose: out = s·(in−1) + output_padding + (k−1)·d + 1 − pb − pe; an output_shape attribute (its last n
    /// entries) or auto_pad SAME_* (out = in·s) fixes out and the pads follow from the total padding
    /// s·(in−1) + output_padding + (k−1)·d + 1 − out (SAME_UPPER: begin = total/2, else begin = total − total/2). An out
    /// above that full size clamps the total at 0 (pads ≥ 0, as onnxruntime): the excess, less than the stride, is extra output
    /// padding, and <see cref="Output"/> carries the size, so out − (s·(in−1) + (k−1)·d + 1 − pb − pe) is the output padding.
    /// </summary>
    public static ConvGeometry Transposed(OnnxAttributes attributes, IReadOnlyList<long> input, IReadOnlyList<long> kernel)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        var n = input.Count;
        var (strides, dilations, pads) = Common(attributes, n);
        var autoPad = AutoPad(attributes);
        var outputPadding = Vector(attributes, "output_padding", n, 0);
        var outputShape = attributes.Ints("output_shape");
        if (outputShape is not null && outputShape.Count < n)
            throw attributes.Error("output_shape", $"has {outputShape.Count} entries, the node has {n} spatial dims", "give one output size per spatial dim");
        var begin = new long[n];
        var end = new long[n];
        var output = new long[n];
        for (var i = 0; i < n; i++)
        {
            var full = strides[i] * (input[i] - 1) + outputPadding[i] + (kernel[i] - 1) * dilations[i] + 1;
            if (outputShape is not null || autoPad is "SAME_UPPER" or "SAME_LOWER")
            {
                output[i] = outputShape is not null ? outputShape[outputShape.Count - n + i] : input[i] * strides[i];
                // As onnxruntime: total padding clamps at 0 and an output past the full size is extra output padding, which
                // with output_padding must stay below the stride (else the runtime rejects the node).
                var excess = output[i] - full;
                if (excess > 0 && outputPadding[i] + excess >= strides[i])
                    throw Fail(attributes, $"spatial dim {i}: output_shape {output[i]} exceeds the largest output {full + strides[i] - 1 - outputPadding[i]} for input {input[i]} (stride {strides[i]})", "fix output_shape (onnxruntime rejects it too)");
                var total = Math.Max(0, full - output[i]);
                begin[i] = autoPad == "SAME_UPPER" ? total / 2 : total - total / 2;
                end[i] = total - begin[i];
            }
            else
            {
                if (autoPad == "NOTSET")
                {
                    begin[i] = pads[i];
                    end[i] = pads[i + n];
                }
                output[i] = full - begin[i] - end[i];
            }
            if (output[i] <= 0)
                throw Fail(attributes, $"spatial dim {i}: output size {output[i]} is not positive", "check pads, strides and output_shape");
        }
        return new ConvGeometry(kernel.ToArray(), strides, dilations, begin, end, output);
    }

    private static (long[] Strides, long[] Dilations, long[] Pads) Common(OnnxAttributes attributes, int n)
    {
        var strides = Vector(attributes, "strides", n, 1);
        var dilations = Vector(attributes, "dilations", n, 1);
        var pads = Vector(attributes, "pads", 2 * n, 0);
        if (strides.Any(s => s < 1))
            throw attributes.Error("strides", $"is [{string.Join(",", strides)}]", "use strides ≥ 1");
        if (dilations.Any(d => d < 1))
            throw attributes.Error("dilations", $"is [{string.Join(",", dilations)}]", "use dilations ≥ 1");
        if (pads.Any(p => p < 0))
            throw attributes.Error("pads", $"is [{string.Join(",", pads)}]", "use pads ≥ 0");
        return (strides, dilations, pads);
    }

    private static string AutoPad(OnnxAttributes attributes)
    {
        var autoPad = attributes.String("auto_pad", "NOTSET");
        return autoPad is "NOTSET" or "SAME_UPPER" or "SAME_LOWER" or "VALID"
            ? autoPad
            : throw attributes.Error("auto_pad", $"is '{autoPad}'", "use NOTSET, SAME_UPPER, SAME_LOWER or VALID");
    }

    private static long[] Vector(OnnxAttributes attributes, string name, int length, long fill)
    {
        var given = attributes.Ints(name);
        if (given is null)
            return Enumerable.Repeat(fill, length).ToArray();
        if (given.Count != length)
            throw attributes.Error(name, $"has {given.Count} entries, expected {length}", $"give {length} values");
        return given.ToArray();
    }

    private static SimInputException Fail(OnnxAttributes attributes, string problem, string fix) =>
        new($"{attributes.File}: {attributes.NodeLabel}: {problem}. Fix: {fix}");
}
