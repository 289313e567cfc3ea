using Sim.Core.Hardware;
using Sim.Core.Workloads;
using AttentionOp = Sim.Core.Workloads.Attention;

namespace Sim.Arch.Attention;

/// <summary>Attention on any tile kind plus the arch's vector unit, under one of three lowerings.</summary>
public static class AttentionModel
{
    /// <summary>
    /// Bump whenever the attention model's numbers change: it is part of the id of every sweep point whose workload has
    /// an attention layer, so <c>--resume</c> never mixes results of an older model into a new run.
    /// </summary>
    public const int Revision = 1;

    /// <param name="blockPolicy">How the fused lowering picks its block (ignored by the others).</param>
    public static AttentionResult Evaluate(AttentionOp attention, ArchSpec arch, AttentionLowering lowering, SimMode mode = SimMode.Default,
        FusedBlockPolicy blockPolicy = FusedBlockPolicy.Auto)
    {
        ArgumentNullException.ThrowIfNull(attention);
        ArgumentNullException.ThrowIfNull(arch);
        if (attention.Problem() is { } problem)
            throw new ArgumentException(problem, nameof(attention));
        var costing = new AttentionCosting(attention, arch, mode);
        if (TileFeasibility.Problem(arch) is { } tileProblem)
            return costing.Infeasible(lowering, tileProblem, 0);
        return lowering switch
        {
            AttentionLowering.Unfused => UnfusedAttention.Evaluate(costing, twoPass: false),
            AttentionLowering.TwoPass => UnfusedAttention.Evaluate(costing, twoPass: true),
            AttentionLowering.Fused => FusedAttention.Evaluate(() => new AttentionCosting(attention, arch, mode), blockPolicy),
            _ => throw new ArgumentOutOfRangeException(nameof(lowering)),
        };
    }

    /// <summary>The fused lowering with a block of your choice (null when it does not fit the on-chip buffer).</summary>
    public static AttentionResult? EvaluateFused(AttentionOp attention, ArchSpec arch, FusedBlock block, SimMode mode = SimMode.Default)
    {
        ArgumentNullException.ThrowIfNull(attention);
        ArgumentNullException.ThrowIfNull(arch);
        if (attention.Problem() is { } problem)
            throw new ArgumentException(problem, nameof(attention));
        if (block.Rows < 1 || block.Cols < 1 || TileFeasibility.Problem(arch) is not null
            || FusedTiling.NeedWords(block, attention.HeadDim) * arch.WordBytes > arch.OnChipBufferBytes)
            return null;
        return FusedAttention.Evaluate(new AttentionCosting(attention, arch, mode), block);
    }
}
