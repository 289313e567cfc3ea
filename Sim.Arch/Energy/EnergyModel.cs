using Sim.Core.Hardware;
using Sim.Core.Results;

namespace Sim.Arch.Energy;

/// <summary>
/// Energy = Σ actions × energy per action. Actions: MACs; accumulator bytes outside the PEs; SRAM reads (operands into
/// the engine, partial sums read back, outputs drained to DRAM) and writes (results and partial sums from the engine,
/// operands filled from DRAM); DRAM bytes. SRAM words are operand elements of <see cref="ArchSpec.WordBytes"/> each.
/// Idle PEs and leakage are not charged (clock-gated MACs; the synthesized figures are dynamic power).
/// </summary>
public static class EnergyModel
{
    public static EnergyBreakdown Of(OpResult r, ArchSpec arch, CostTable costs)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(arch);
        ArgumentNullException.ThrowIfNull(costs);
        double word = arch.WordBytes;
        double sramReadBytes = (r.SramReadsIfmapWords + r.SramReadsFilterWords + r.SramReadsOfmapWords) * word
            + r.DramWritesOfmapBytes;
        double sramWriteBytes = r.SramWritesOfmapWords * word
            + r.DramReadsIfmapBytes + r.DramReadsFilterBytes + r.DramReadsOfmapBytes;
        return new EnergyBreakdown(
            r.Macs * costs.MacPj,
            r.AccumulatorAccessBytes * costs.AccumulatorPjPerByte,
            sramReadBytes * costs.SramReadPjPerByte + sramWriteBytes * costs.SramWritePjPerByte,
            r.DramBytes * costs.DramPjPerByte);
    }
}
