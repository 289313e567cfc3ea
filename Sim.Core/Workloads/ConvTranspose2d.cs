using Sim.Core.Hardware;

namespace Sim.Core.Workloads;

/// <summary>
/// Transposed 2-D convolution (ONNX ConvTranspose, "deconvolution") on an NHWC input. Its GEMM view is the scatter
/// form: every input pixel times every filter tap, then col2im adds the overlapping taps into the output (that add is
/// not modelled: it is ≤ one add per product, on the accumulators). Per group: M = batch · ifmap_h · ifmap_w,
/// N = filters/groups · filter_h · filter_w, K = channels/groups; <see cref="Instances"/> = groups. MACs =
/// batch·H·W·channels·filters·filter_h·filter_w / groups, as frameworks count them.
/// Output size per ONNX: (H − 1)·S − pad_begin − pad_end + (F − 1)·D + output_padding + 1.
/// </summary>
public sealed record ConvTranspose2d(
    string Name,
    long IfmapH,
    long IfmapW,
    long FilterH,
    long FilterW,
    long Channels,
    long Filters,
    long StrideH,
    long StrideW,
    ConvPads Pads,
    long Batch,
    IReadOnlyList<string> Inputs) : GemmOp(Name, Inputs)
{
    public const string KindName = "conv_transpose2d";

    public override string Kind => KindName;

    public long DilationH { get; init; } = 1;

    public long DilationW { get; init; } = 1;

    public long OutputPaddingH { get; init; }

    public long OutputPaddingW { get; init; }

    public long Groups { get; init; } = 1;

    public long OfmapH => checked(((IfmapH - 1) * StrideH) - Pads.Top - Pads.Bottom + ((FilterH - 1) * DilationH) + OutputPaddingH + 1);

    public long OfmapW => checked(((IfmapW - 1) * StrideW) - Pads.Left - Pads.Right + ((FilterW - 1) * DilationW) + OutputPaddingW + 1);

    public override long Instances => Groups;

    public override GemmShape ToGemm(SimMode mode = SimMode.Default) =>
        checked(new(Batch * IfmapH * IfmapW, Filters / Groups * FilterH * FilterW, Channels / Groups));

    /// <summary>What makes the shape unbuildable, or null (readers report it on their own field).</summary>
    public override string? Problem()
    {
        if (Groups < 1 || Channels % Groups != 0 || Filters % Groups != 0)
            return $"groups {Groups} must divide channels {Channels} and filters {Filters}";
        if (StrideH < 1 || StrideW < 1 || DilationH < 1 || DilationW < 1)
            return "strides and dilations must be at least 1";
        if (Pads.Top < 0 || Pads.Left < 0 || Pads.Bottom < 0 || Pads.Right < 0 || OutputPaddingH < 0 || OutputPaddingW < 0)
            return "pads and output padding must not be negative";
        if (OutputPaddingH >= Math.Max(StrideH, DilationH) || OutputPaddingW >= Math.Max(StrideW, DilationW))
            return "output padding must be smaller than the stride or the dilation";
        if (OfmapH < 1 || OfmapW < 1)
            return $"the output would be {OfmapH}x{OfmapW}: the pads are larger than the upsampled input";
        return null;
    }
}
