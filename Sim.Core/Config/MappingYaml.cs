using System.Globalization;
using System.Numerics;
using Sim.Core.Hardware;
using Sim.Core.Mapping;
using Sim.Core.Workloads;

namespace Sim.Core.Config;

/// <summary>
/// Reads a mapping file (see <see cref="MappingYamlWriter"/> for the format) against the workload it maps and the PE
/// array it must fit. Everything a file can get wrong is reported with its file, line and field and a Fix: unknown
/// keys and dim names, factors below 1 or not multiplying to a dim's bound, orders that are not permutations, a
/// dataflow the tile cannot run, dims or stride that disagree with the workload's op, layers the workload does not
/// have (or maps with another model: attention), GEMM/conv ops with no entry, spatial axes that are not the array's.
/// Whether each mapping fits the arch's capacities is the model's call, made when it runs.
/// </summary>
public static class MappingYaml
{
    public static IReadOnlyList<string> Objectives { get; } = ["latency", "energy", "edp"];

    private static readonly string[] s_rootKeys = ["workload", "arch", "objective", "layers", "graph"];
    private static readonly string[] s_gemmKeys = ["name", "dims", "instances", "dataflow", "register", "spatial", "scratchpad", "dram", "scratchpad_order", "dram_order", "model"];
    private static readonly string[] s_convKeys = [.. s_gemmKeys, "stride", "stride_w"];
    private static readonly string[] s_modelKeys = ["latency_cycles", "dram_bytes", "energy_pj", "utilization"];

    /// <param name="readGraph">Called with the optional <c>graph:</c> section; without it the section is accepted
    /// unread (it belongs to the graph allocator).</param>
    public static MappingFile Load(string file, MappingTarget target, Action<YamlMap>? readGraph = null) =>
        Read(YamlMap.Load(file), target, readGraph);

    public static MappingFile Parse(string file, string text, MappingTarget target, Action<YamlMap>? readGraph = null) =>
        Read(YamlMap.Parse(file, text), target, readGraph);

    private static MappingFile Read(YamlMap root, MappingTarget target, Action<YamlMap>? readGraph)
    {
        ArgumentNullException.ThrowIfNull(target);
        root.AllowOnly(s_rootKeys);
        var workload = root.RequireString("workload");
        if (workload != target.Workload.Name)
            throw root.ErrorAt("workload", $"the file maps workload '{workload}', not '{target.Workload.Name}'",
                "run it with the workload it was written for, or write a mapping for this one with sim map");
        var arch = root.RequireString("arch");
        var objective = root.RequireString("objective");
        if (!Objectives.Contains(objective))
            throw root.ErrorAt("objective", $"unknown objective '{objective}'", $"use one of {string.Join(", ", Objectives)}");

        var layers = new List<LayerMappingEntry>();
        var seen = new Dictionary<string, long>(StringComparer.Ordinal);
        // A workload of attention ops only has nothing to map: sim map writes no layers list for it.
        var needsLayers = target.Workload.Ops.Any(o => LoopNestProblem.From(o) is not null);
        foreach (var layer in needsLayers || root.Has("layers") ? root.RequireMapList("layers") : [])
        {
            var name = layer.RequireString("name");
            if (!seen.TryAdd(name, layer.Line))
                throw layer.ErrorAt("name", $"layer '{name}' already has an entry (line {seen[name]})", "keep one entry per layer");
            layers.Add(ReadLayer(layer, target));
        }

        var missing = target.Workload.Ops.Where(o => LoopNestProblem.From(o) is not null && !seen.ContainsKey(o.Name)).Select(o => o.Name).ToList();
        if (missing.Count > 0)
            throw root.ErrorAt("layers", $"no entry for the {(missing.Count == 1 ? "op" : "ops")} {string.Join(", ", missing)} of workload '{workload}' (every GEMM and conv op needs one; attention keeps its own model)",
                "add an entry per op, or regenerate the file with sim map");
        if (readGraph is not null && root.Has("graph"))
            readGraph(root.RequireMap("graph"));
        return new MappingFile(workload, arch, objective, layers);
    }

    private static LayerMappingEntry ReadLayer(YamlMap layer, MappingTarget target)
    {
        var name = layer.RequireString("name");
        var op = target.Workload.Ops.FirstOrDefault(o => o.Name == name);
        if (op is null)
            throw layer.ErrorAt("name", $"workload '{target.Workload.Name}' has no op named '{name}'",
                $"use the name of one of its GEMM/conv ops: {string.Join(", ", target.Workload.Ops.Where(o => o is GemmOp).Select(o => o.Name))}");
        var problem = LoopNestProblem.From(op)
            ?? throw layer.ErrorAt("name", $"op '{name}' is {op.Kind}: it keeps its own model and takes no mapping", "remove this entry");
        layer.AllowOnly(problem.IsGemm ? s_gemmKeys : s_convKeys);
        CheckDims(layer, problem, target.Workload.Name);

        var dataflowText = layer.RequireString("dataflow");
        if (!DataflowNames.TryParse(dataflowText, out var dataflow))
            throw layer.ErrorAt("dataflow", $"'{dataflowText}' is not a dataflow", "use os (outputs stationary), ws (weights) or is (inputs)");
        var stationary = DataSpaces.StationaryOf(dataflow);
        if (!target.StationaryOptions.Contains(stationary))
            throw layer.ErrorAt("dataflow", $"this tile cannot hold {stationary.ToName()} in its PEs ({dataflow.ToName()})",
                $"use {string.Join(" or ", target.StationaryOptions.Select(s => s.ToDataflow().ToName()))}");

        var spatialMap = layer.RequireMap("spatial").AllowOnly([.. target.AxisNames]);
        var spatial = target.AxisNames.Select(axis => Factors(spatialMap, axis, problem, required: true)).ToList();
        var mapping = new LoopNestMapping(
            stationary,
            Factors(layer, "register", problem, required: false),
            spatial,
            Factors(layer, "scratchpad", problem, required: false),
            Factors(layer, "dram", problem, required: false),
            Order(layer, "scratchpad_order", problem),
            Order(layer, "dram_order", problem));
        CheckProducts(layer, problem, mapping);
        return new LayerMappingEntry(problem, mapping, layer.Has("model") ? Model(layer.RequireMap("model")) : null, layer.Line);
    }

    private static void CheckDims(YamlMap layer, LoopNestProblem problem, string workload)
    {
        var dims = layer.RequireMap("dims");
        var names = MappingDims.FileOrder(problem).Select(d => MappingDims.Name(problem, d)).ToArray();
        dims.AllowOnly(names);
        foreach (var dim in MappingDims.FileOrder(problem))
        {
            var name = MappingDims.Name(problem, dim);
            var value = dims.RequireLong(name, 1);
            if (value != problem.Bounds[dim])
                throw dims.ErrorAt(name, $"{name} is {value} here, but op '{problem.Name}' of workload '{workload}' has {name} = {problem.Bounds[dim]}",
                    "the mapping was made for another shape: regenerate it with sim map for this workload");
        }

        if (!problem.IsGemm)
        {
            var stride = layer.RequireLong("stride", 1);
            if (stride != problem.StrideH)
                throw layer.ErrorAt("stride", $"stride is {stride} here, but op '{problem.Name}' has stride {problem.StrideH}",
                    "the mapping was made for another shape: regenerate it with sim map for this workload");
            // Absent: the width stride is the height stride (files written before width strides existed).
            var strideW = layer.OptionalLong("stride_w", stride, min: 1);
            if (strideW != problem.StrideW)
                throw layer.ErrorAt("stride_w", $"the width stride is {strideW} here, but op '{problem.Name}' has width stride {problem.StrideW}",
                    "the mapping was made for another shape: regenerate it with sim map for this workload");
        }

        // Absent: one instance. A grouped conv's per-group dims can equal a smaller dense conv's, so the count is checked too.
        var instances = layer.OptionalLong("instances", 1, min: 1);
        if (instances != problem.Instances)
            throw layer.ErrorAt("instances", $"instances is {instances} here, but op '{problem.Name}' of workload '{workload}' runs {problem.Instances} (groups or batch entries)",
                "the mapping was made for another shape: regenerate it with sim map for this workload");
    }

    /// <summary>A factor per named dim; omitted dims are 1. An absent optional level is all ones.</summary>
    private static DimVector Factors(YamlMap parent, string key, LoopNestProblem problem, bool required)
    {
        if (!required && !parent.Has(key))
            return DimVector.Ones;
        var map = parent.RequireMap(key);
        map.AllowOnly([.. MappingDims.FileOrder(problem).Select(d => MappingDims.Name(problem, d))]);
        return DimVector.From(d => problem.DimName(d) is { } name ? map.OptionalLong(name, 1, min: 1, max: problem.Bounds[d]) : 1);
    }

    private static IReadOnlyList<LoopDim> Order(YamlMap layer, string key, LoopNestProblem problem)
    {
        var names = string.Join(", ", MappingDims.FileOrder(problem).Select(d => MappingDims.Name(problem, d)));
        var order = new List<LoopDim>();
        var items = layer.RequireScalarList(key);
        for (var i = 0; i < items.Count; i++)
        {
            var (text, line, column) = items[i];
            if (!problem.TryParseDim(text, out var dim) || MappingDims.Name(problem, dim) != text.Trim())
                throw SimInputException.At(layer.File, line, column, $"{layer.FieldPath(key)}[{i}]", $"'{text}' is not a dim of this {(problem.IsGemm ? "GEMM" : "conv")}",
                    $"use the dim names {names}");
            if (order.Contains(dim))
                throw SimInputException.At(layer.File, line, column, $"{layer.FieldPath(key)}[{i}]", $"{text} is listed twice",
                    $"list each of {names} once, outermost first");
            order.Add(dim);
        }

        if (order.Count != problem.NamedDims.Count)
            throw layer.ErrorAt(key, $"the order lists {order.Count} of the {problem.NamedDims.Count} dims",
                $"list each of {names} once, outermost first (missing: {string.Join(", ", problem.NamedDims.Except(order).Select(d => MappingDims.Name(problem, d)))})");
        return MappingDims.CanonicalOrder(problem, order);
    }

    private static void CheckProducts(YamlMap layer, LoopNestProblem problem, LoopNestMapping mapping)
    {
        foreach (var dim in MappingDims.FileOrder(problem))
        {
            var factors = new[] { mapping.Register[dim], mapping.Scratchpad[dim], mapping.Dram[dim] }.Concat(mapping.Spatial.Select(a => a[dim]));
            // Exact, without overflow: five factors of up to 2^63 each.
            var spatial = mapping.Spatial.Aggregate(BigInteger.One, (p, a) => p * a[dim]);
            var product = factors.Aggregate(BigInteger.One, (p, f) => p * f);
            if (product != problem.Bounds[dim])
            {
                var name = MappingDims.Name(problem, dim);
                throw layer.ErrorAt("dims", string.Create(CultureInfo.InvariantCulture,
                    $"the factors of {name} multiply to {product} (register {mapping.Register[dim]} × spatial {spatial} × scratchpad {mapping.Scratchpad[dim]} × dram {mapping.Dram[dim]}), not its bound {problem.Bounds[dim]}"),
                    $"choose factors of {name} whose product is {problem.Bounds[dim]}");
            }
        }
    }

    private static LayerModelFigures Model(YamlMap model)
    {
        model.AllowOnly(s_modelKeys);
        var energyPj = model.RequireDouble("energy_pj");
        if (energyPj < 0)
            throw model.ErrorAt("energy_pj", "energy is negative", "write the model's figure (≥ 0), or drop the model section: it is recomputed on load");
        var utilization = model.RequireDouble("utilization");
        if (utilization is < 0 or > 1)
            throw model.ErrorAt("utilization", "utilization is outside [0, 1]", "write the model's figure, or drop the model section: it is recomputed on load");
        return new LayerModelFigures(model.RequireLong("latency_cycles", 0), model.RequireLong("dram_bytes", 0), energyPj, utilization);
    }
}
