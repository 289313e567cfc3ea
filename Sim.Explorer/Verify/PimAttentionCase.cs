using Sim.Arch.Native;
using Sim.Arch.Pim;
using Sim.Core.Hardware;
using Sim.Core.Reference;
using AttentionOp = Sim.Core.Workloads.Attention;

namespace Sim.Explorer.Verify;

/// <summary>
/// NeuPIMs decode attention (batch 1, one query per head, MHA) through <see cref="PimDecodeAttentionExecutor"/>: q·Kᵀ
/// and p·V on PIM, softmax on the NPU. The oracle runs <see cref="ReferenceAttention"/> on the fp16-rounded q, K, V
/// (the values the device stores); the bound is <see cref="AttentionBounds"/> plus 2⁻¹¹ relative for p, which the
/// executor rounds to fp16 as it enters the global buffer. Simulator only: no native kernel rounds p to fp16.
/// </summary>
public sealed record PimAttentionCase(int Heads, int HeadDim, int KvLength, int Seed = VerifyOperands.DefaultSeed) : IVerifyCase
{
    public string Name => $"pim decode attention h{Heads} d{HeadDim} kv{KvLength}";

    public IReadOnlyList<SimulatedPath> Paths => [new($"pim decode attention {PimGemvCase.Pim.Name}", [typeof(PimDecodeAttentionExecutor), typeof(PimGemvExecutor)])];

    public IEnumerable<VerifyCheck> Run(IReadOnlyList<INativeTarget> targets)
    {
        var random = VerifyOperands.For(Name, Seed);
        var op = new AttentionOp(Name, 1, Heads, Heads, 1, KvLength, HeadDim, false);
        var q = PimGemvExecutor.ToHalfPrecision(VerifyOperands.Floats(random, (int)op.QElements));
        var k = PimGemvExecutor.ToHalfPrecision(VerifyOperands.Floats(random, (int)op.KvElements));
        var v = PimGemvExecutor.ToHalfPrecision(VerifyOperands.Floats(random, (int)op.KvElements));
        var expected = ReferenceAttention.Run(op, q, k, v);
        var bound = AttentionBounds.For(op, q, k, v, FloatBounds.HalfUnitRoundoff);
        yield return Checks.Simulated(Name, Paths[0].Name,
            () => Compare.Within(PimDecodeAttentionExecutor.Run(PimGemvCase.Pim, PimGemvCase.Dram, Heads, HeadDim, q, k, v), expected, bound),
            "inputs fp16, p fp16");
    }
}
