using Sim.Core.Workloads;

namespace Sim.Core.Mapping;

/// <summary>
/// A mapping file (<c>mapping.yaml</c>): one loop-nest mapping per GEMM/conv op of a workload, as <c>sim map</c> writes
/// it and <c>sim run --mapping</c> reloads it (Sim.Core.Config.MappingYaml). <see cref="Arch"/> and
/// <see cref="Objective"/> record what it was made for; a file may be re-run on another arch (the model then says
/// whether each mapping still fits).
/// </summary>
public sealed record MappingFile(string Workload, string Arch, string Objective, IReadOnlyList<LayerMappingEntry> Layers);

/// <summary>One layer's mapping. <see cref="Line"/> is where the entry starts in the file it was read from (0 when built
/// in memory), so a later failure (the mapping does not fit this arch) can point at it.</summary>
public sealed record LayerMappingEntry(LoopNestProblem Problem, LoopNestMapping Mapping, LayerModelFigures? Model, long Line = 0)
{
    /// <summary>Content equality ignores <see cref="Line"/> and compares the orders and spatial axes element-wise
    /// (records compare lists by reference).</summary>
    public bool SameMapping(LayerMappingEntry other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Problem == other.Problem && Model == other.Model && MappingEquality.Equal(Mapping, other.Mapping);
    }
}

/// <summary>The model's figures for the mapping when the file was written: informational, recomputed on load.</summary>
public sealed record LayerModelFigures(long LatencyCycles, long DramBytes, double EnergyPj, double Utilization);

/// <summary>What a mapping file is checked against when it is read: the workload whose ops it maps, and the PE array
/// it must fit (axis names in order, the tensors a PE may hold).</summary>
public sealed record MappingTarget(Workload Workload, IReadOnlyList<string> AxisNames, IReadOnlyList<DataSpace> StationaryOptions);

public static class MappingEquality
{
    /// <summary>Same stationary tensor, factors and orders (lists compared element-wise).</summary>
    public static bool Equal(LoopNestMapping a, LoopNestMapping b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a.Stationary == b.Stationary && a.Register == b.Register && a.Scratchpad == b.Scratchpad && a.Dram == b.Dram
            && a.Spatial.SequenceEqual(b.Spatial) && a.ScratchpadOrder.SequenceEqual(b.ScratchpadOrder)
            && a.DramOrder.SequenceEqual(b.DramOrder);
    }
}
