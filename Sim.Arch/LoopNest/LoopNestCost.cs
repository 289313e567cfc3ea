namespace Sim.Arch.LoopNest;

/// <summary>
/// Time, traffic and energy of one mapping (<see cref="LoopNestModel"/>). An infeasible mapping has
/// <see cref="Feasible"/> false, a <see cref="Reason"/> (fan-out, spatial layout, register or scratchpad capacity) and zeros.
/// Traffic is per tensor; outputs count partial-sum spills and refills.
/// </summary>
public sealed record LoopNestCost
{
    public required bool Feasible { get; init; }

    public string? Reason { get; init; }

    public long Macs { get; init; }

    /// <summary>Array tiles processed: the product of the scratchpad- and DRAM-level factors.</summary>
    public long Folds { get; init; }

    /// <summary>Per-PE loop iterations per array tile (the streamed length).</summary>
    public long RegisterIterations { get; init; }

    /// <summary>Folds × (register iterations + per-tile overhead).</summary>
    public long ComputeCycles { get; init; }

    /// <summary>DRAM bytes over bandwidth, rounded up; 0 with unlimited bandwidth.</summary>
    public long DramCycles { get; init; }

    /// <summary>Roofline: max(compute, DRAM) — transfers overlap compute (double-buffered scratchpads).</summary>
    public long LatencyCycles { get; init; }

    /// <summary>MACs / (latency × PEs).</summary>
    public double Utilization { get; init; }

    public DataSpaceValues DramReadBytes { get; init; }

    public DataSpaceValues DramWriteBytes { get; init; }

    public DataSpaceValues ScratchpadReadBytes { get; init; }

    public DataSpaceValues ScratchpadWriteBytes { get; init; }

    /// <summary>Bytes of each tensor's scratchpad tile (≤ its partition's usable half).</summary>
    public DataSpaceValues ScratchpadTileBytes { get; init; }

    public long MacFj { get; init; }

    public long ScratchpadFj { get; init; }

    public long DramFj { get; init; }

    public long EnergyFj => checked(MacFj + ScratchpadFj + DramFj);

    public double EnergyPj => EnergyFj / 1000.0;

    public long DramBytes => checked(DramReadBytes.Total + DramWriteBytes.Total);

    /// <summary>Energy-delay product in fJ·cycles, exact (it can exceed 2^63).</summary>
    public Int128 EdpFjCycles => (Int128)EnergyFj * LatencyCycles;

    /// <summary>
    /// <paramref name="instances"/> runs of the mapping one after another (a grouped conv's groups, a batched GEMM's
    /// entries, <see cref="Sim.Core.Mapping.LoopNestProblem.Instances"/>): MACs, folds, cycles, traffic and energy ×
    /// instances; utilization, the per-fold register iterations and the scratchpad tiles (one run's working set) stay.
    /// An infeasible cost stays as it is.
    /// </summary>
    public LoopNestCost Repeated(long instances)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(instances, 1);
        if (instances == 1 || !Feasible)
            return this;
        return this with
        {
            Macs = checked(Macs * instances),
            Folds = checked(Folds * instances),
            ComputeCycles = checked(ComputeCycles * instances),
            DramCycles = checked(DramCycles * instances),
            LatencyCycles = checked(LatencyCycles * instances),
            DramReadBytes = DramReadBytes.Times(instances),
            DramWriteBytes = DramWriteBytes.Times(instances),
            ScratchpadReadBytes = ScratchpadReadBytes.Times(instances),
            ScratchpadWriteBytes = ScratchpadWriteBytes.Times(instances),
            MacFj = checked(MacFj * instances),
            ScratchpadFj = checked(ScratchpadFj * instances),
            DramFj = checked(DramFj * instances),
        };
    }

    public static LoopNestCost Infeasible(string reason) => new() { Feasible = false, Reason = reason };
}
