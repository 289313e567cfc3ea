namespace Sim.Core.Workloads;

/// <summary>
/// Attention as a node of a workload DAG: its shape and how it is lowered (a compiler's choice, so it belongs to the
/// workload; default fused). Sim.Arch's attention model runs its GEMMs on the arch's tile and softmax on its vector unit.
/// </summary>
public sealed record AttentionLayer(string Name, Attention Shape, AttentionLowering Lowering, IReadOnlyList<string> Inputs) : Op(Name, Inputs)
{
    public const string KindName = "attention";

    public override string Kind => KindName;

    public override long Macs => Shape.Macs;

    public override string? Problem() => Shape.Problem();
}
