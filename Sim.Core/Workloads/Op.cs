namespace Sim.Core.Workloads;

/// <summary>
/// A node of the workload DAG. <see cref="Inputs"/> names producer ops (or external graph inputs). Ops that are one
/// GEMM (<see cref="GemmOp"/>: GEMMs, convolutions) go to the tensor-engine models directly; others (attention) have
/// their own model that runs their GEMMs on the same engines.
/// </summary>
public abstract record Op(string Name, IReadOnlyList<string> Inputs)
{
    /// <summary>Discriminator used in YAML (<c>kind: conv2d</c>) and result rows.</summary>
    public abstract string Kind { get; }

    /// <summary>Useful multiply-accumulates (default-mode shapes; masked attention scores excluded).</summary>
    public abstract long Macs { get; }

    /// <summary>What makes the op's shape unbuildable (e.g. groups not dividing channels), or null; checked when a
    /// <see cref="Workload"/> is built, and by readers to report it on their own field.</summary>
    public virtual string? Problem() => null;
}
