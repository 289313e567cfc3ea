using Sim.Arch.Attention;
using Sim.Arch.Native;
using Sim.Core.Reference;
using Sim.Core.Workloads;
using AttentionOp = Sim.Core.Workloads.Attention;

namespace Sim.Explorer.Verify;

/// <summary>
/// Attention (MHA/GQA/MQA, causal or not) through every lowering of <see cref="AttentionExecutor"/> (unfused three-pass,
/// two-pass, fused online softmax with <see cref="Block"/>) and every native attention kernel, within
/// <see cref="AttentionBounds"/> of <see cref="ReferenceAttention"/>.
/// </summary>
public sealed record AttentionCase(AttentionOp Op, FusedBlock Block, int Seed = VerifyOperands.DefaultSeed) : IVerifyCase
{
    public string Name => $"attention {Op.Name}";

    public IReadOnlyList<SimulatedPath> Paths => [.. AttentionLoweringNames.All.Select(l => new SimulatedPath(PathName(l), Executors(l)))];

    public IEnumerable<VerifyCheck> Run(IReadOnlyList<INativeTarget> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var random = VerifyOperands.For(Name, Seed);
        var q = VerifyOperands.Floats(random, (int)Op.QElements);
        var k = VerifyOperands.Floats(random, (int)Op.KvElements);
        var v = VerifyOperands.Floats(random, (int)Op.KvElements);
        var expected = ReferenceAttention.Run(Op, q, k, v);
        var bound = AttentionBounds.For(Op, q, k, v);
        foreach (var lowering in AttentionLoweringNames.All)
        {
            yield return Checks.Simulated(Name, PathName(lowering),
                () => Compare.Within(AttentionExecutor.Run(lowering, Op, q, k, v, Block), expected, bound));
        }

        foreach (var target in targets)
        {
            yield return Checks.Native(Name, target, NativeKernel.Attention, Op.Macs,
                t => t.Attention(Op, q, k, v), o => Compare.Within(o, expected, bound));
        }
    }

    private string PathName(AttentionLowering lowering) =>
        lowering == AttentionLowering.Fused ? $"attention fused {Block.Rows}x{Block.Cols}" : $"attention {lowering.ToName()}";

    private static Type[] Executors(AttentionLowering lowering) =>
        lowering == AttentionLowering.TwoPass ? [typeof(AttentionExecutor), typeof(TwoPassExecutor)] : [typeof(AttentionExecutor)];
}
