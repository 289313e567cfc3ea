using Sim.Arch.LoopNest;
using Sim.Core.Hardware;
using Sim.Core.Mapping;
using Sim.Core.Workloads;
using Sim.Mapping.Graph;
using Sim.Mapping.Layers;

namespace Sim.Mapping.Network;

/// <summary>
/// <c>sim map</c>'s engine: every GEMM/conv op mapped by the CP-SAT layer mapper (identical layers mapped once), the
/// resulting option menus attached to the workload's tensor graph, then the graph allocated by CP-SAT and by the
/// greedy baseline under the same budget and order rule.
/// </summary>
public static class NetworkMapper
{
    public static NetworkMapResult Map(Workload workload, ArchSpec arch, NetworkMapOptions options)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(arch);
        ArgumentNullException.ThrowIfNull(options);
        var hierarchy = LoopNestHierarchy.FromArch(arch);
        var ops = MapLayers(workload, hierarchy, options.Layer);

        var built = TensorGraphBuilder.From(workload, arch.WordBytes);
        // What the graph charges the op's streamed reads (its operand share of each input), so the option's refetch term is
        // the loop nest's input traffic beyond exactly that.
        var inputBytes = built.Operators.ToDictionary(o => o.Name, o => o.InputReadBytes, StringComparer.Ordinal);
        var menus = ops.ToDictionary(o => o.Op.Name, o => LayerOptionMenu.For(o.Op, o.Layer, hierarchy, inputBytes[o.Op.Name], arch.Vector.Lanes), StringComparer.Ordinal);
        var graph = built.WithOptions(op => menus[op.Name]);
        var allocatorOptions = new GraphAllocatorOptions
        {
            ScratchpadBytes = options.ScratchpadBytes,
            OrderMode = options.Order,
            TimeLimitSeconds = options.GraphTimeLimitSeconds,
            Seed = options.Layer.Seed,
            AlignmentBytes = options.AlignmentBytes,
        };
        return new NetworkMapResult(
            workload,
            ops,
            graph,
            GraphBudgets.Of(graph),
            GraphAllocator.Solve(graph, allocatorOptions),
            GreedyArenaBelady.Solve(graph, allocatorOptions));
    }

    /// <summary>Maps each distinct loop nest once (ResNet-50's 53 convs are 23 shapes); repeats reuse the result under
    /// their own name.</summary>
    public static IReadOnlyList<MappedOp> MapLayers(Workload workload, LoopNestHierarchy hierarchy, LayerMapperOptions options)
    {
        ArgumentNullException.ThrowIfNull(workload);
        var cache = new Dictionary<(DimVector, long, long), LayerMapResult>();
        var mapped = new List<MappedOp>(workload.Ops.Count);
        foreach (var op in workload.Ops)
        {
            if (LoopNestProblem.From(op) is not { } problem)
            {
                mapped.Add(new MappedOp(op, null, false));
                continue;
            }

            var key = (problem.Bounds, problem.StrideH, problem.StrideW);
            var reused = cache.TryGetValue(key, out var earlier);
            var result = reused ? earlier! with { Problem = problem } : CpSatLayerMapper.Map(problem, hierarchy, options);
            if (!reused)
                cache[key] = result;
            var heuristic = result.Cost is { Feasible: true } ? GreedyMappings.Best(problem, hierarchy, options.Objective).Cost : null;
            mapped.Add(new MappedOp(op, result, reused, heuristic));
        }

        return mapped;
    }
}
