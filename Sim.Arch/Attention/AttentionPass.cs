using Sim.Core.Workloads;

namespace Sim.Arch.Attention;

/// <summary>
/// One pass of a lowering over memory: its tensor-engine and vector-unit work and its DRAM traffic.
/// <see cref="Cycles"/> = max(tensor, vector, DRAM bytes / bandwidth): within a pass the engines and the DRAM stream
/// overlap (double-buffered); passes run one after another.
/// </summary>
public sealed record AttentionPass(
    string Name,
    long TensorMacs,
    long TensorCycles,
    VectorOps VectorOps,
    long VectorCycles,
    long DramReadBytes,
    long DramWriteBytes,
    long MemoryCycles)
{
    public long DramBytes => checked(DramReadBytes + DramWriteBytes);

    public long Cycles => Math.Max(TensorCycles, Math.Max(VectorCycles, MemoryCycles));
}
