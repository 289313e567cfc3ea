namespace Sim.Core.Workloads;

/// <summary>
/// An op the simulator has no model for (an imported operator type it does not know, or one whose input shapes are
/// unknown): kept in the DAG so dependencies and, where known, its output tensor stay visible, reported as a warning
/// and costed at zero. <see cref="Operator"/> is the source's op type; <see cref="OutputShape"/> null when unknown.
/// </summary>
public sealed record OpaqueOp(string Name, IReadOnlyList<string> Inputs, string Operator, IReadOnlyList<long>? OutputShape, string Reason)
    : Op(Name, Inputs)
{
    public const string KindName = "opaque";

    public override string Kind => KindName;

    public override long Macs => 0;

    /// <summary>Elements of the output tensor, or null when its shape is unknown.</summary>
    public long? OutputElements => OutputShape?.Aggregate(1L, (a, d) => checked(a * d));
}
