using System.Numerics;
using Sim.Core.Hardware;

namespace Sim.Arch.AdderTree;

/// <summary>
/// Timing constants of a multiplier-adder tree engine with <see cref="AdderTreeSpec.Lanes"/> lanes of
/// <see cref="AdderTreeSpec.TreeWidth"/> multipliers each.
/// </summary>
public static class AdderTreeTiming
{
    /// <summary>Adder levels that reduce <paramref name="treeWidth"/> products to one: ⌈log2 T⌉ (0 for T = 1).</summary>
    public static int TreeLevels(int treeWidth)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(treeWidth);
        // ⌈log2 T⌉ = bit length of T − 1.
        return 32 - BitOperations.LeadingZeroCount((uint)(treeWidth - 1));
    }

    /// <summary>
    /// Cycles from issuing an input vector to its partial sums being in the ofmap buffer:
    /// 1 (multiply) + ⌈log2 T⌉ (tree) + 1 (add into the output).
    /// </summary>
    public static int PipelineDepthCycles(AdderTreeSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return 1 + TreeLevels(spec.TreeWidth) + 1;
    }

    /// <summary>
    /// A fold's weight tile goes in lane by lane, T weights per cycle: L cycles. The loader walks every lane even in a
    /// partial fold (idle lanes get zeros so stale weights of the previous fold cannot leak into their trees).
    /// </summary>
    public static long WeightLoadCycles(AdderTreeSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Lanes;
    }

    /// <summary>
    /// Issue-to-issue distance of consecutive folds: the stream (M vectors) or the next fold's weight load into the
    /// shadow registers (L cycles, started when this fold's weights became active), whichever is longer.
    /// </summary>
    public static long FoldPeriodCycles(AdderTreeSpec spec, long streamM) => Math.Max(streamM, WeightLoadCycles(spec));
}
