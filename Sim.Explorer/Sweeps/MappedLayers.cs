using System.Globalization;
using Sim.Arch.LoopNest;
using Sim.Core.Config;
using Sim.Core.Hardware;
using Sim.Core.Mapping;
using Sim.Core.Workloads;
using Sim.Explorer.Results;

namespace Sim.Explorer.Sweeps;

/// <summary>
/// A mapping file loaded for one workload on one arch (<c>sim run --mapping</c>): its GEMM/conv ops are evaluated by
/// <see cref="LoopNestModel"/> under the file's mappings instead of the tile model. A mapping the arch cannot run
/// (e.g. a scratchpad shrank since the file was written) is bad input, reported with the file, the layer's line and the
/// model's reason.
/// </summary>
public sealed class MappedLayers
{
    private readonly Dictionary<string, LayerMappingEntry> _entries;

    private MappedLayers(string file, ArchSpec arch, LoopNestHierarchy hierarchy, MappingFile mapping)
    {
        File = file;
        Arch = arch;
        Hierarchy = hierarchy;
        Mapping = mapping;
        _entries = mapping.Layers.ToDictionary(l => l.Problem.Name, StringComparer.Ordinal);
    }

    public string File { get; }

    public ArchSpec Arch { get; }

    public LoopNestHierarchy Hierarchy { get; }

    public MappingFile Mapping { get; }

    /// <summary>Reads and checks <paramref name="text"/> (the file's contents, shown as <paramref name="file"/>).</summary>
    public static MappedLayers Parse(string file, string text, Workload workload, ArchSpec arch)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(arch);
        LoopNestHierarchy hierarchy;
        try
        {
            hierarchy = LoopNestHierarchy.FromArch(arch);
        }
        catch (NotSupportedException e)
        {
            throw new SimInputException($"{file}: arch '{arch.Name}' has no loop-nest model ({e.Message}). Fix: use a systolic, cube, 2-D matrix or adder-tree arch");
        }

        var target = new MappingTarget(workload, hierarchy.AxisNames, hierarchy.StationaryOptions);
        return new MappedLayers(file, arch, hierarchy, MappingYaml.Parse(file, text, target));
    }

    /// <summary>The op's layer row under its mapping (the reader guaranteed every GEMM/conv op has one).</summary>
    public LayerRow Evaluate(string pointId, int index, GemmOp op)
    {
        ArgumentNullException.ThrowIfNull(op);
        var entry = _entries[op.Name];
        var cost = LoopNestModel.Evaluate(entry.Problem, Hierarchy, entry.Mapping);
        if (!cost.Feasible)
        {
            var where = entry.Line > 0 ? string.Create(CultureInfo.InvariantCulture, $"{File}:{entry.Line}") : File;
            throw new SimInputException($"{where}: layer '{op.Name}': the mapping cannot run on arch '{Arch.Name}': {cost.Reason}. " +
                "Fix: regenerate the mapping for this arch with sim map, or edit the layer's factors");
        }

        // The file maps one instance (a group, a batch entry); the op is its instances one after another.
        // Repeated in the model's exact integers (fJ), so the energy matches sim map's figures to the bit.
        var result = LoopNestOpResult.From(entry.Problem, Hierarchy, entry.Mapping, cost.Repeated(entry.Problem.Instances));
        return LayerRow.From(pointId, index, op, op.ToGemm(SimMode.Default), result);
    }
}
