using Sim.Core.Hardware;

namespace Sim.Core.Workloads;

/// <summary>An op that is one GEMM (convolutions via im2col): what the tensor-engine models consume.</summary>
public abstract record GemmOp(string Name, IReadOnlyList<string> Inputs) : Op(Name, Inputs)
{
    /// <summary>
    /// The op as one GEMM. <paramref name="mode"/> matters only where SCALE-Sim's conventions differ from frameworks'
    /// (convolution output size).
    /// </summary>
    public abstract GemmShape ToGemm(SimMode mode = SimMode.Default);

    public override long Macs => ToGemm().Macs;
}
