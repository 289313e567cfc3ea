using Sim.Core.Hardware;

namespace Sim.Core.Workloads;

/// <summary>
/// An op that is one GEMM shape run <see cref="Instances"/> times (convolutions via im2col; a grouped convolution is one
/// GEMM per group, a batched MatMul one per batch entry): what the tensor-engine models consume.
/// </summary>
public abstract record GemmOp(string Name, IReadOnlyList<string> Inputs) : Op(Name, Inputs)
{
    /// <summary>
    /// The op as one GEMM (per instance). <paramref name="mode"/> matters only where SCALE-Sim's conventions differ from
    /// frameworks' (convolution output size).
    /// </summary>
    public abstract GemmShape ToGemm(SimMode mode = SimMode.Default);

    /// <summary>
    /// Independent GEMMs of the <see cref="ToGemm"/> shape, each with its own operands, run one after another on the
    /// tile (conv groups, MatMul batch entries): costs and traffic are the single GEMM's times this.
    /// </summary>
    public virtual long Instances => 1;

    public override long Macs => checked(ToGemm().Macs * Instances);
}
