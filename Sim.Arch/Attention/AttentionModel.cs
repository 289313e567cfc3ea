using Sim.Core.Hardware;
using AttentionOp = Sim.Core.Workloads.Attention;

namespace Sim.Arch.Attention;

/// <summary>Attention on any tile kind plus the arch's vector unit, under one of three lowerings.</summary>
public static class AttentionModel
{
    public static AttentionResult Evaluate(AttentionOp attention, ArchSpec arch, AttentionLowering lowering, SimMode mode = SimMode.Default)
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
            AttentionLowering.Fused => FusedAttention.Evaluate(costing),
            _ => throw new ArgumentOutOfRangeException(nameof(lowering)),
        };
    }
}
