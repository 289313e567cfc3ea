using Sim.Explorer.Plots;
using Sim.Explorer.Results;
using Sim.Mapping.Graph;

namespace Sim.Explorer.NetworkMaps;

/// <summary>A graph allocation as drawable blocks and CSV rows: residency runs (reloaded when a reload of that tensor
/// arrives at the run's first step) and working buffers (one step, named after their operator).</summary>
public static class AllocationBlocks
{
    public static IReadOnlyList<MemoryBlock> Of(TensorGraph graph, GraphAllocation allocation)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(allocation);
        var reloads = allocation.Traffic.Where(t => t.Kind == TrafficKind.Reload).Select(t => (t.TensorId, t.Step)).ToHashSet();
        var runs = allocation.Runs.Select(r => new MemoryBlock(
            graph.Tensors[r.TensorId].Name, r.StartStep, r.EndStep, r.AddressBytes, r.SizeBytes,
            reloads.Contains((r.TensorId, r.StartStep)) ? MemoryBlockKind.Reloaded : MemoryBlockKind.Resident));
        var working = allocation.WorkingBuffers.Select(w => new MemoryBlock(
            $"{graph.Operators[w.OperatorId].Name} (tiles)", w.Step, w.Step + 1, w.AddressBytes, w.SizeBytes, MemoryBlockKind.Working));
        return [.. runs.Concat(working)];
    }

    public static IEnumerable<AllocationRow> Rows(string method, IReadOnlyList<MemoryBlock> blocks) =>
        blocks.Select(b => new AllocationRow
        {
            Method = method,
            Block = b.Tensor,
            Kind = b.Kind.ToString().ToLowerInvariant(),
            StartStep = b.StartStep,
            EndStep = b.EndStep,
            AddressBytes = b.AddressBytes,
            SizeBytes = b.SizeBytes,
        });

    /// <summary>Steps at which an operator reads or writes an activation through DRAM (streamed).</summary>
    public static IReadOnlyCollection<int> StreamedSteps(GraphAllocation allocation)
    {
        ArgumentNullException.ThrowIfNull(allocation);
        return allocation.Traffic.Where(t => t.Kind is TrafficKind.StreamRead or TrafficKind.StreamWrite).Select(t => t.Step).ToHashSet();
    }

    /// <summary>Operator names in execution order, one per step.</summary>
    public static IReadOnlyList<string> StepOps(TensorGraph graph, GraphAllocation allocation)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(allocation);
        return [.. allocation.Order.Select(o => graph.Operators[o].Name)];
    }
}
