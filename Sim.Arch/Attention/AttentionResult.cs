using Sim.Core.Workloads;
using AttentionOp = Sim.Core.Workloads.Attention;

namespace Sim.Arch.Attention;

/// <summary>
/// What one attention costs under one lowering on one arch: per-pass rows and totals. An infeasible lowering (its
/// minimum on-chip need exceeds the buffer, or the tile itself is infeasible) is a value with <see cref="Reason"/>
/// set, no passes and zero totals.
/// </summary>
public sealed record AttentionResult
{
    public required AttentionOp Attention { get; init; }

    public required AttentionLowering Lowering { get; init; }

    /// <summary>Null when feasible.</summary>
    public string? Reason { get; init; }

    public bool Feasible => Reason is null;

    public IReadOnlyList<AttentionPass> Passes { get; init; } = [];

    /// <summary>The fused block (Br stacked query rows × Bc keys); null for the unfused lowerings.</summary>
    public FusedBlock? Block { get; init; }

    /// <summary>Fused only: a group's whole K and V fit on chip (in place of the K/V blocks), so they are read once instead of once per row block.</summary>
    public bool KvResident { get; init; }

    /// <summary>Least on-chip buffer the lowering needs to run (independent of sequence length for all three).</summary>
    public required long BufferNeedBytes { get; init; }

    public required long BufferCapacityBytes { get; init; }

    public long TensorCycles => Passes.Sum(p => p.TensorCycles);

    public long VectorCycles => Passes.Sum(p => p.VectorCycles);

    public long MemoryCycles => Passes.Sum(p => p.MemoryCycles);

    public long TotalCycles => Passes.Sum(p => p.Cycles);

    public long DramBytes => Passes.Sum(p => p.DramBytes);

    /// <summary>MACs the engine ran (dense GEMMs and whole blocks, so masked scores included where they are computed).</summary>
    public long TensorMacs => Passes.Sum(p => p.TensorMacs);

    /// <summary>Useful (unmasked) MACs / (PEs × total cycles).</summary>
    public double TensorUtilization { get; init; }

    /// <summary>The tile's fold mapping efficiency over attention's GEMMs, weighted by their compute cycles.</summary>
    public double TensorMappingEfficiency { get; init; }

    /// <summary>Per pass the engines' time, max(tensor, vector); the rest of a DRAM-bound pass is stall.</summary>
    public long ComputeCycles => Passes.Sum(p => Math.Max(p.TensorCycles, p.VectorCycles));

    public long StallCycles => TotalCycles - ComputeCycles;

    /// <summary>Vector-unit busy cycles / total cycles.</summary>
    public double VectorUtilization => TotalCycles == 0 ? 0 : (double)VectorCycles / TotalCycles;

    public AttentionEnergy Energy { get; init; } = AttentionEnergy.Zero;

    public AttentionPass? Pass(string name) => Passes.FirstOrDefault(p => p.Name == name);
}
