using System.Globalization;
using Sim.Core.Config;
using Sim.Core.Hardware;
using Sim.Core.Mapping;
using Sim.Explorer.Cli;
using Sim.Explorer.Plots;
using Sim.Explorer.Results;
using Sim.Mapping.Graph;
using Sim.Mapping.Layers;
using Sim.Mapping.Network;

namespace Sim.Explorer.NetworkMaps;

/// <summary>The files of <c>sim map</c>: mapping.yaml, layers.csv, allocation.csv, timings.csv and the memory plots.
/// Everything but timings.csv is byte-identical for the same inputs and seed (solves that finish in their limit).</summary>
public static class MapOutputs
{
    public static IReadOnlyList<string> Write(string directory, NetworkMapResult result, ArchSpec arch, MapObjective objective, long budgetBytes, OrderMode order)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(arch);
        Directory.CreateDirectory(directory);
        var paths = new List<string>();

        var entries = result.Ops
            .Where(o => o.Layer is { Mapping: not null, Cost.Feasible: true })
            .Select(o => new LayerMappingEntry(o.Layer!.Problem, o.Layer.Mapping!, Figures(o.Layer)))
            .ToList();
        var file = new MappingFile(result.Workload.Name, arch.Name, MapCommand.Name(objective), entries);
        var graph = GraphSectionYaml.Write(result.Graph, result.Allocation, result.Baseline, budgetBytes, order);
        paths.Add(Save(directory, "mapping.yaml", MappingYamlWriter.Write(file, graph)));

        var layers = result.Ops.Where(o => o.Layer is not null).Select(o => Row(o.Layer!, objective, o.Op.Kind)).ToList();
        ResultsCsv.Write(Path.Combine(directory, "layers.csv"), layers);
        paths.Add(Path.Combine(directory, "layers.csv"));

        var ilpBlocks = AllocationBlocks.Of(result.Graph, result.Allocation);
        var baselineBlocks = AllocationBlocks.Of(result.Graph, result.Baseline);
        ResultsCsv.Write(Path.Combine(directory, "allocation.csv"),
            AllocationBlocks.Rows("cp-sat", ilpBlocks).Concat(AllocationBlocks.Rows("baseline", baselineBlocks)));
        paths.Add(Path.Combine(directory, "allocation.csv"));

        ResultsCsv.Write(Path.Combine(directory, "timings.csv"), Timings(result));
        paths.Add(Path.Combine(directory, "timings.csv"));

        MemoryTimelinePlot.Save(ilpBlocks, budgetBytes, AllocationBlocks.StepOps(result.Graph, result.Allocation), directory, "memory",
            string.Create(CultureInfo.InvariantCulture, $"{result.Workload.Name} on {arch.Name}: CP-SAT allocation ({result.Allocation.Status.ToString().ToLowerInvariant()}, {result.Allocation.NonCompulsoryBytes:N0} B non-compulsory)"), AllocationBlocks.StreamedSteps(result.Allocation));
        MemoryTimelinePlot.Save(baselineBlocks, budgetBytes, AllocationBlocks.StepOps(result.Graph, result.Baseline), directory, "memory-baseline",
            string.Create(CultureInfo.InvariantCulture, $"{result.Workload.Name} on {arch.Name}: greedy arena + Belady ({result.Baseline.NonCompulsoryBytes:N0} B non-compulsory)"), AllocationBlocks.StreamedSteps(result.Baseline));
        paths.Add(Path.Combine(directory, "memory.png"));
        paths.Add(Path.Combine(directory, "memory-baseline.png"));
        return paths;
    }

    /// <param name="opKind">The workload op's kind (a dilated conv or a transposed conv is mapped as a GEMM but stays
    /// conv2d / conv_transpose2d in the table); null: the problem's own (gemm or conv2d).</param>
    public static MappedLayerRow Row(LayerMapResult layer, MapObjective objective, string? opKind = null)
    {
        ArgumentNullException.ThrowIfNull(layer);
        var row = MappedLayerRow.From(layer.Problem, layer.Mapping, layer.Cost, MapCommand.Name(objective), layer.Status.ToString().ToLowerInvariant(),
            Finite(layer.ObjectiveValue), Finite(layer.BestBound), Finite(layer.GapPercent), layer.Reason);
        row.OpKind = opKind ?? row.OpKind;
        return row;
    }

    private static IEnumerable<TimingRow> Timings(NetworkMapResult result) =>
        result.Ops.Where(o => o.Layer is not null && !o.Reused)
            .Select(o => new TimingRow { Stage = "layer", Name = o.Op.Name, Seconds = o.Layer!.SolveSeconds })
            .Append(new TimingRow { Stage = "graph", Name = "cp-sat", Seconds = result.Allocation.SolveSeconds })
            .Append(new TimingRow { Stage = "graph", Name = "baseline", Seconds = result.Baseline.SolveSeconds });

    /// <summary>The whole op's figures (every instance), as <c>sim run --mapping</c> reports them.</summary>
    private static LayerModelFigures Figures(LayerMapResult layer)
    {
        var cost = layer.Cost!.Repeated(layer.Problem.Instances);
        return new(cost.LatencyCycles, cost.DramBytes, cost.EnergyPj, cost.Utilization);
    }

    private static double Finite(double value) => double.IsFinite(value) ? value : 0;

    private static string Save(string directory, string name, string text)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, text);
        return path;
    }
}
