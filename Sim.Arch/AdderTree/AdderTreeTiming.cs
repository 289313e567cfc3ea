using Sim.Arch.Folding;
using Sim.Core.Hardware;

namespace Sim.Arch.AdderTree;

/// <summary>
/// Timing constants of a multiplier-adder tree engine with <see cref="AdderTreeSpec.Lanes"/> lanes of
/// <see cref="AdderTreeSpec.TreeWidth"/> multipliers each.
/// </summary>
public static class AdderTreeTiming
{

    /// <summary>
    /// Cycles from issuing an input vector to its partial sums being in the ofmap buffer:
    /// 1 (multiply) + ⌈log2 T⌉ (tree) + 1 (add into the output).
    /// </summary>
    public static int PipelineDepthCycles(AdderTreeSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return 1 + BinaryAdderTree.Levels(spec.TreeWidth) + 1;
    }

    /// <summary>
    /// A fold's weight tile goes in lane by lane, T weights per cycle, and only its c active lanes are loaded: c cycles.
    /// Idle lanes keep stale weights; their sums are never written to the output (the write enable covers c lanes).
    /// </summary>
    public static long WeightLoadCycles(int activeLanes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(activeLanes);
        return activeLanes;
    }

    /// <summary>
    /// The cycles a fold with <paramref name="activeLanes"/> lanes adds to the schedule: its weights load into the
    /// shadow registers while the previous fold streams its <paramref name="streamM"/> vectors, so it can start
    /// max(M, c) cycles after the previous fold started.
    /// </summary>
    public static long FoldPeriodCycles(long streamM, int activeLanes) => Math.Max(streamM, WeightLoadCycles(activeLanes));
}
