namespace Sim.Mapping.Graph;

/// <summary>
/// One way to run an operator, supplied by the per-op mapper (layer 1): the scratchpad working buffer it needs while it
/// runs (beyond its input and output tensors, e.g. a tiling's staging buffers) and the DRAM traffic it adds (e.g. weight
/// fetches and refetches). The graph allocator picks exactly one option per operator.
/// </summary>
public sealed record OpOption(string Label, long WorkingBytes, long ExtraOffChipBytes)
{
    /// <summary>No working buffer, no extra traffic: the operator is atomic on its inputs and outputs (COSMA's view).</summary>
    public static OpOption Atomic { get; } = new("atomic", 0, 0);
}
