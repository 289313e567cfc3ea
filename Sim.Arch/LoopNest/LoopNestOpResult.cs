using Sim.Core.Mapping;
using Sim.Core.Results;

namespace Sim.Arch.LoopNest;

/// <summary>
/// A feasible <see cref="LoopNestCost"/> as the project's <see cref="OpResult"/>, so loop-nest layers flow into the same
/// layers.csv / points.csv columns as the tile models'. Field by field:
/// <list type="bullet">
/// <item>compute = the model's compute cycles; stall = latency − compute (the DRAM-bound excess of the roofline).</item>
/// <item>utilization = MACs / (PEs × latency); compute utilization = MACs / (PEs × compute).</item>
/// <item>mapping efficiency = PEs the spatial factors use / PEs: every fold uses the same spatial tile (perfect factorisation).</item>
/// <item>folds = array tiles (scratchpad × DRAM factors).</item>
/// <item>SRAM words: ifmap/filter reads = scratchpad bytes read ÷ word; ofmap writes and reads = output scratchpad
/// bytes ÷ partial-sum width (the model keeps outputs at that width on chip). The DRAM → scratchpad fills of inputs
/// and weights are SRAM writes with no OpResult counter: they are in the SRAM energy only.</item>
/// <item>DRAM bytes per operand as the model counts them; ofmap writes include partial-sum spills, ofmap reads their refills.</item>
/// <item>accumulator bytes = 0: accumulation happens in the PEs or as scratchpad partial-sum traffic, already counted.</item>
/// <item>energy: MAC (register and in-PE accumulator accesses included), scratchpad → SRAM, DRAM; accumulator 0.
/// Exact integer femtojoules ÷ 1000.</item>
/// </list>
/// </summary>
public static class LoopNestOpResult
{
    public static OpResult From(LoopNestProblem problem, LoopNestHierarchy hierarchy, LoopNestMapping mapping, LoopNestCost cost)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(hierarchy);
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(cost);
        if (!cost.Feasible)
            throw new ArgumentException($"layer '{problem.Name}': an infeasible mapping has no result ({cost.Reason})", nameof(cost));
        double pes = hierarchy.PeCount;
        long word = hierarchy.WordBytes, psum = hierarchy.PartialSumBytes;
        return new OpResult
        {
            Op = problem.Name,
            Macs = cost.Macs,
            ComputeCycles = cost.ComputeCycles,
            StallCycles = cost.LatencyCycles - cost.ComputeCycles,
            Utilization = cost.Utilization,
            ComputeUtilization = cost.ComputeCycles == 0 ? 0 : cost.Macs / (pes * cost.ComputeCycles),
            MappingEfficiency = mapping.SpatialTotal.Product / pes,
            Folds = cost.Folds,
            SramReadsIfmapWords = cost.ScratchpadReadBytes.Inputs / word,
            SramReadsFilterWords = cost.ScratchpadReadBytes.Weights / word,
            SramWritesOfmapWords = cost.ScratchpadWriteBytes.Outputs / psum,
            SramReadsOfmapWords = cost.ScratchpadReadBytes.Outputs / psum,
            DramReadsIfmapBytes = cost.DramReadBytes.Inputs,
            DramReadsFilterBytes = cost.DramReadBytes.Weights,
            DramWritesOfmapBytes = cost.DramWriteBytes.Outputs,
            DramReadsOfmapBytes = cost.DramReadBytes.Outputs,
            AccumulatorAccessBytes = 0,
            Energy = new EnergyBreakdown(cost.MacFj / 1000.0, 0, cost.ScratchpadFj / 1000.0, cost.DramFj / 1000.0),
        };
    }
}
