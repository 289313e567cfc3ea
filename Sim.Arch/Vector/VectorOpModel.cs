using Sim.Arch.Energy;
using Sim.Arch.LoopNest;
using Sim.Core.Hardware;
using Sim.Core.Workloads;

namespace Sim.Arch.Vector;

/// <summary>
/// A <see cref="VectorOp"/> on the arch's vector unit, stand-alone: no fusion with the op that produced its input, so
/// it streams its inputs and parameters from DRAM through the scratchpad into the lanes and its output back the same way.
/// <list type="bullet">
/// <item>compute = <c>Work.Cycles(vector unit)</c> (Σ_class ⌈count/lanes⌉ × cycles per op) + ⌈moved elements / lanes⌉
/// (a data-movement op copies one element per lane per cycle);</item>
/// <item>DRAM bytes = (input + parameter elements) × word read, output elements × word written; memory cycles =
/// ⌈bytes / bandwidth⌉ as an exact fraction (<see cref="DramRate"/>), 0 with unlimited DRAM;</item>
/// <item>total = max(compute, memory) (transfers overlap the lanes, double-buffered); stall = total − compute;</item>
/// <item>energy = lane-cycles × the unit's pJ/op (<see cref="VectorUnitEnergy"/>) + SRAM: every byte read from DRAM is
/// written into the scratchpad and read by the lanes, every byte written is written by the lanes and read out to DRAM
/// (one SRAM read and one SRAM write per byte moved) + DRAM pJ/byte × bytes.</item>
/// </list>
/// DRAM latency is not added: like the tile models, the op is throughput-bound.
/// </summary>
public static class VectorOpModel
{
    /// <summary>Bumped when the model's numbers change (joins sweep point ids of workloads with vector ops).</summary>
    public const int Revision = 1;

    public static VectorOpResult Evaluate(VectorOp op, ArchSpec arch) => Evaluate(op, arch, CostResolver.Resolve(arch));

    public static VectorOpResult Evaluate(VectorOp op, ArchSpec arch, CostTable costs)
    {
        ArgumentNullException.ThrowIfNull(op);
        ArgumentNullException.ThrowIfNull(arch);
        ArgumentNullException.ThrowIfNull(costs);
        if (op.Problem() is { } problem)
            throw new ArgumentException($"vector op '{op.Name}': {problem}", nameof(op));
        var unit = arch.Vector;
        var work = op.Work;
        var moved = op.MovedElements;
        long word = arch.WordBytes;
        var readInput = checked(op.InputElements * word);
        var readParameters = checked(op.ParameterElements * word);
        var write = checked(op.OutputElements * word);
        var dramBytes = checked(readInput + readParameters + write);
        var laneCycles = checked(work.LaneCycles(unit) + moved);
        return new VectorOpResult
        {
            Op = op,
            ArithmeticCycles = work.Cycles(unit),
            MoveCycles = checked((moved + unit.Lanes - 1) / unit.Lanes),
            MemoryCycles = DramRate.FromBytesPerCycle(arch.Dram.BandwidthBytesPerCycle)?.CyclesFor(dramBytes) ?? 0,
            DramReadInputBytes = readInput,
            DramReadParameterBytes = readParameters,
            DramWriteBytes = write,
            LaneCycles = laneCycles,
            VectorPj = laneCycles * VectorUnitEnergy.PjPerOp(arch),
            SramPj = dramBytes * (costs.SramReadPjPerByte + costs.SramWritePjPerByte),
            DramPj = dramBytes * costs.DramPjPerByte,
        };
    }
}
