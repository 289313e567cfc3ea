using Sim.Core.Hardware;

namespace Sim.Core.Workloads;

/// <summary>
/// 2-D convolution on an NHWC input, lowered to GEMM by im2col, one GEMM per group:
/// M = batch · ofmap_h · ofmap_w, N = filters / groups, K = filter_h · filter_w · channels / groups, <see cref="Instances"/> = groups
/// (depthwise: groups = channels = filters, so N = 1, K = filter_h · filter_w).
/// <see cref="IfmapH"/>/<see cref="IfmapW"/> exclude padding; <see cref="Padding"/> is added on every side unless
/// <see cref="Pads"/> gives each side. <see cref="Stride"/> is the height stride and, unless <see cref="StrideW"/> is set,
/// the width stride too. Dilation spaces a filter's taps (an effective extent of (F − 1)·D + 1) without adding MACs.
/// </summary>
public sealed record Conv2d(
    string Name,
    long IfmapH,
    long IfmapW,
    long FilterH,
    long FilterW,
    long Channels,
    long Filters,
    long Stride,
    long Padding,
    long Batch,
    IReadOnlyList<string> Inputs) : GemmOp(Name, Inputs)
{
    private readonly long? _strideW;
    private readonly ConvPads? _pads;

    public override string Kind => "conv2d";

    /// <summary>Width stride; the height stride (<see cref="Stride"/>) unless set.</summary>
    public long StrideW { get => _strideW ?? Stride; init => _strideW = value; }

    /// <summary>Padding per side; <see cref="Padding"/> on all four unless set.</summary>
    public ConvPads Pads { get => _pads ?? ConvPads.Uniform(Padding); init => _pads = value; }

    public long DilationH { get; init; } = 1;

    public long DilationW { get; init; } = 1;

    /// <summary>Channel groups: each group's Filters/Groups filters see only its Channels/Groups input channels.</summary>
    public long Groups { get; init; } = 1;

    /// <summary>True when the conv needs more than the original square-stride, uniform-pad, dense form (stride_w, pads,
    /// dilation, groups): SCALE-Sim's topology format and its conventions cannot express it.</summary>
    public bool IsGeneral => StrideW != Stride || !Pads.IsUniform || Pads.Top != Padding || DilationH != 1 || DilationW != 1 || Groups != 1;

    public long PaddedH => checked(IfmapH + Pads.Top + Pads.Bottom);

    public long PaddedW => checked(IfmapW + Pads.Left + Pads.Right);

    /// <summary>Filter extent over the input with dilation: (F − 1)·D + 1.</summary>
    public long EffectiveFilterH => checked(((FilterH - 1) * DilationH) + 1);

    public long EffectiveFilterW => checked(((FilterW - 1) * DilationW) + 1);

    /// <summary>Output height over the padded input: ⌊(H − F_eff)/S⌋ + 1, as frameworks compute it.</summary>
    public long OfmapH => OutputSize(PaddedH, EffectiveFilterH, Stride, SimMode.Default);

    public long OfmapW => OutputSize(PaddedW, EffectiveFilterW, StrideW, SimMode.Default);

    public long ChannelsPerGroup => Channels / Groups;

    public long FiltersPerGroup => Filters / Groups;

    public override long Instances => Groups;

    public override GemmShape ToGemm(SimMode mode = SimMode.Default) => checked(
        new(Batch * OutputSize(PaddedH, EffectiveFilterH, Stride, mode) * OutputSize(PaddedW, EffectiveFilterW, StrideW, mode),
            FiltersPerGroup, FilterH * FilterW * ChannelsPerGroup));

    /// <summary>
    /// What makes the shape unbuildable (groups not dividing channels and filters, a filter wider than the padded input,
    /// non-positive sizes), or null. Readers turn it into an error on their own field.
    /// </summary>
    public override string? Problem()
    {
        if (Groups < 1 || Channels % Groups != 0 || Filters % Groups != 0)
            return $"groups {Groups} must divide channels {Channels} and filters {Filters}";
        if (DilationH < 1 || DilationW < 1 || StrideW < 1 || Stride < 1)
            return "strides and dilations must be at least 1";
        if (Pads.Top < 0 || Pads.Left < 0 || Pads.Bottom < 0 || Pads.Right < 0)
            return $"pads {Pads} must not be negative";
        if (EffectiveFilterH > PaddedH || EffectiveFilterW > PaddedW)
            return $"the {EffectiveFilterH}x{EffectiveFilterW} (dilated) filter is larger than the padded {PaddedH}x{PaddedW} input";
        return null;
    }

    /// <summary>
    /// SCALE-Sim v2 (topology_utils.py) rounds up, ⌈(H − Fh)/S⌉ + 1: a window that runs past the input edge still
    /// counts (its SRAM reads of the missing pixels too). Kept for <see cref="SimMode.ScaleSim"/> comparisons only.
    /// </summary>
    private static long OutputSize(long input, long filter, long stride, SimMode mode) => checked(mode == SimMode.ScaleSim
        ? (input - filter + stride - 1) / stride + 1
        : (input - filter) / stride + 1);
}
