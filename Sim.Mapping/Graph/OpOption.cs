namespace Sim.Mapping.Graph;

/// <summary>
/// One way to run an operator, supplied by the per-op mapper (layer 1): the scratchpad working buffer it needs while it
/// runs (beyond its input and output tensors, e.g. a tiling's staging buffers) and the DRAM traffic it adds (e.g. weight
/// fetches and refetches). The graph allocator picks exactly one option per operator.
/// A <see cref="Streamed"/> option reads its inputs from DRAM tile by tile and writes its outputs to DRAM as they are
/// produced, so none of its tensors has to be resident at its step (they may still be): the allocator charges one read of
/// size_a per input it does not hold (the input needs a DRAM copy by then) and one write per output it does not keep
/// (free for a graph output, whose write is compulsory anyway). <see cref="ExtraOffChipBytes"/> then covers only what
/// that tensor-level accounting does not: weights, refetches beyond one read per input, partial-sum spills.
/// </summary>
public sealed record OpOption(string Label, long WorkingBytes, long ExtraOffChipBytes, bool Streamed = false)
{
    /// <summary>No working buffer, no extra traffic: the operator is atomic on its inputs and outputs (COSMA's view).</summary>
    public static OpOption Atomic { get; } = new("atomic", 0, 0);
}
