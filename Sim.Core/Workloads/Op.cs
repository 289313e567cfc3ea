using Sim.Core.Hardware;

namespace Sim.Core.Workloads;

/// <summary>A node of the workload DAG. <see cref="Inputs"/> names producer ops (or external graph inputs).</summary>
public abstract record Op(string Name, IReadOnlyList<string> Inputs)
{
    /// <summary>Discriminator used in YAML (<c>kind: conv2d</c>) and result rows.</summary>
    public abstract string Kind { get; }

    /// <summary>
    /// The op as one GEMM (convolutions via im2col), which the tensor-engine models consume. <paramref name="mode"/>
    /// matters only where SCALE-Sim's conventions differ from frameworks' (convolution output size).
    /// </summary>
    public abstract GemmShape ToGemm(SimMode mode = SimMode.Default);
}
