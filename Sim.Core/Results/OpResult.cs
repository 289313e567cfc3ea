namespace Sim.Core.Results;

/// <summary>
/// What one op costs on one tile. Cycle counts are tile clock cycles; traffic is in bytes except the
/// <c>*Words</c> SRAM counters, which count operand elements as SCALE-Sim does.
/// </summary>
public sealed record OpResult
{
    public required string Op { get; init; }

    public required long Macs { get; init; }

    public required long ComputeCycles { get; init; }

    public required long StallCycles { get; init; }

    public long TotalCycles => ComputeCycles + StallCycles;

    /// <summary>MACs / (PEs × total cycles), stalls included (SCALE-Sim's "Overall Util").</summary>
    public required double Utilization { get; init; }

    /// <summary>
    /// How busy the array is while it computes, stalls excluded (SCALE-Sim's "Compute Util"; in SCALE-Sim mode its
    /// per-fold average and per-fold cycle convention, otherwise MACs / (PEs × compute cycles)).
    /// </summary>
    public required double ComputeUtilization { get; init; }

    /// <summary>Average fraction of PEs a fold maps work onto (SCALE-Sim's mapping efficiency).</summary>
    public required double MappingEfficiency { get; init; }

    public required long Folds { get; init; }

    public required long SramReadsIfmapWords { get; init; }

    public required long SramReadsFilterWords { get; init; }

    public required long SramWritesOfmapWords { get; init; }

    public required long SramReadsOfmapWords { get; init; }

    public required long DramReadsIfmapBytes { get; init; }

    public required long DramReadsFilterBytes { get; init; }

    public required long DramWritesOfmapBytes { get; init; }

    public required long DramReadsOfmapBytes { get; init; }

    /// <summary>
    /// Bytes read and written in accumulator storage outside the PEs (a cube's L0C): partial sums a tile adds into a
    /// dedicated accumulator buffer every step. 0 where accumulation is in the PEs, and where partial sums go to the
    /// ofmap scratchpad per fold (systolic WS/IS, adder tree: counted as SRAM ofmap reads and writes).
    /// </summary>
    public required long AccumulatorAccessBytes { get; init; }

    /// <summary>Energy by component; null until an energy table has been applied (Sim.Arch's TileEvaluator does).</summary>
    public EnergyBreakdown? Energy { get; init; }

    public long DramBytes => DramReadsIfmapBytes + DramReadsFilterBytes + DramWritesOfmapBytes + DramReadsOfmapBytes;

    /// <summary>
    /// The op run <paramref name="instances"/> times one after another (a grouped convolution's groups, a batched
    /// MatMul's entries: <c>GemmOp.Instances</c>): every count, cycle and energy × instances; the ratios (utilization,
    /// compute utilization, mapping efficiency) are the single run's, since each run has the same shape.
    /// </summary>
    public OpResult Repeated(long instances)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(instances, 1);
        if (instances == 1)
            return this;
        return this with
        {
            Macs = checked(Macs * instances),
            ComputeCycles = checked(ComputeCycles * instances),
            StallCycles = checked(StallCycles * instances),
            Folds = checked(Folds * instances),
            SramReadsIfmapWords = checked(SramReadsIfmapWords * instances),
            SramReadsFilterWords = checked(SramReadsFilterWords * instances),
            SramWritesOfmapWords = checked(SramWritesOfmapWords * instances),
            SramReadsOfmapWords = checked(SramReadsOfmapWords * instances),
            DramReadsIfmapBytes = checked(DramReadsIfmapBytes * instances),
            DramReadsFilterBytes = checked(DramReadsFilterBytes * instances),
            DramWritesOfmapBytes = checked(DramWritesOfmapBytes * instances),
            DramReadsOfmapBytes = checked(DramReadsOfmapBytes * instances),
            AccumulatorAccessBytes = checked(AccumulatorAccessBytes * instances),
            Energy = Energy?.Times(instances),
        };
    }
}
