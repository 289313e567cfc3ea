using Sim.Core.Hardware;

namespace Sim.Core.Workloads;

/// <summary>
/// 2-D convolution on an NHWC input, lowered to GEMM by im2col:
/// M = batch · ofmap_h · ofmap_w, N = filters, K = filter_h · filter_w · channels.
/// <see cref="IfmapH"/>/<see cref="IfmapW"/> exclude padding; <see cref="Padding"/> is added on every side.
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
    public override string Kind => "conv2d";

    public long PaddedH => checked(IfmapH + 2 * Padding);

    public long PaddedW => checked(IfmapW + 2 * Padding);

    /// <summary>Output height over the padded input: ⌊(H − Fh)/S⌋ + 1, as frameworks compute it.</summary>
    public long OfmapH => OutputSize(PaddedH, FilterH, SimMode.Default);

    public long OfmapW => OutputSize(PaddedW, FilterW, SimMode.Default);

    public override GemmShape ToGemm(SimMode mode = SimMode.Default) => checked(
        new(Batch * OutputSize(PaddedH, FilterH, mode) * OutputSize(PaddedW, FilterW, mode), Filters, FilterH * FilterW * Channels));

    /// <summary>
    /// SCALE-Sim v2 (topology_utils.py) rounds up, ⌈(H − Fh)/S⌉ + 1: a window that runs past the input edge still
    /// counts (its SRAM reads of the missing pixels too). Kept for <see cref="SimMode.ScaleSim"/> comparisons only.
    /// </summary>
    private long OutputSize(long input, long filter, SimMode mode) => checked(mode == SimMode.ScaleSim
        ? (input - filter + Stride - 1) / Stride + 1
        : (input - filter) / Stride + 1);
}
