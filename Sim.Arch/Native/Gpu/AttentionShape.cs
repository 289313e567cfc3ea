namespace Sim.Arch.Native.Gpu;

/// <summary>
/// The scalars <see cref="AttentionKernel"/> needs, passed as one value (kernel parameter lists stay short).
/// <see cref="KeyTile"/> keys of K and of V are staged in shared memory per step; <see cref="Causal"/> is 1 or 0.
/// </summary>
internal readonly record struct AttentionShape(
    int Batch, int Heads, int KvHeads, int SeqQ, int SeqKv, int HeadDim, int Causal, int KeyTile, float Scale)
{
    public static AttentionShape Of(Sim.Core.Workloads.Attention op)
    {
        var headDim = checked((int)op.HeadDim);
        if (headDim > AttentionKernel.StagedFloats)
            throw new ArgumentException($"head_dim {headDim} exceeds the kernel's shared-memory staging of {AttentionKernel.StagedFloats} floats", nameof(op));
        return new(checked((int)op.Batch), checked((int)op.Heads), checked((int)op.KvHeads), checked((int)op.SeqQ),
            checked((int)op.SeqKv), headDim, op.Causal ? 1 : 0,
            Math.Min(AttentionKernel.MaxKeyTile, AttentionKernel.StagedFloats / headDim), (float)(1 / Math.Sqrt(headDim)));
    }
}
