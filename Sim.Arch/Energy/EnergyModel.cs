using Sim.Core.Hardware;
using Sim.Core.Results;

namespace Sim.Arch.Energy;

/// <summary>
/// Energy = Σ actions × energy per action. Actions: MACs; accumulator bytes outside the PEs; SRAM reads (operands into
/// the engine, partial sums read back, outputs drained to DRAM) and writes (results and partial sums from the engine,
/// operands filled from DRAM); DRAM bytes. Operand and output words are <see cref="ArchSpec.WordBytes"/> each, partial
/// sums 32-bit.
/// Idle PEs and leakage are not charged (clock-gated MACs; the synthesized figures are dynamic power).
/// </summary>
public static class EnergyModel
{
    /// <param name="partialSumBytes">Width of a partial sum (<see cref="Memory.PartialSumWidth"/>): every ofmap word read
    /// back is a partial sum, as is every write that a later read-back adds to; the rest are finished outputs.</param>
    public static EnergyBreakdown Of(OpResult r, ArchSpec arch, CostTable costs, int partialSumBytes)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(arch);
        ArgumentNullException.ThrowIfNull(costs);
        double word = arch.WordBytes;
        double sramReadBytes = (r.SramReadsIfmapWords + r.SramReadsFilterWords) * word
            + (double)r.SramReadsOfmapWords * partialSumBytes
            + r.DramWritesOfmapBytes;
        double sramWriteBytes = (double)(r.SramWritesOfmapWords - r.SramReadsOfmapWords) * word
            + (double)r.SramReadsOfmapWords * partialSumBytes
            + r.DramReadsIfmapBytes + r.DramReadsFilterBytes + r.DramReadsOfmapBytes;
        return new EnergyBreakdown(
            r.Macs * costs.MacPj,
            r.AccumulatorAccessBytes * costs.AccumulatorPjPerByte,
            sramReadBytes * costs.SramReadPjPerByte + sramWriteBytes * costs.SramWritePjPerByte,
            r.DramBytes * costs.DramPjPerByte);
    }
}
