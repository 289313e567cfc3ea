using Sim.Core.Config;
using Sim.Explorer.Import.Onnx.Inference;

namespace Sim.Explorer.Import.Onnx;

/// <summary>
/// Infers every tensor's element type and static shape. Graph inputs take their declared dims or the user's
/// <c>--input-shape</c> override; nodes are walked in file order (ONNX requires topological order), each through the
/// shape rule for its op type, which also folds small constant subgraphs (Shape→Gather→Concat→Reshape…) so shapes computed
/// at run time resolve. An op without a rule, or of a non-default domain, takes declared value_info/output shapes if any,
/// else gets an UnknownReason that cascades to every node downstream — never an exception. A malformed model (a rule
/// violated, an input naming no tensor, a declared shape contradicting the inferred one) is a SimInputException.
/// </summary>
public static class OnnxShapeInference
{
    public const long MinOpset = 7;
    public const long MaxOpset = 21;

    public static InferredGraph Infer(OnnxModel model, IReadOnlyDictionary<string, long[]> inputShapes)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(inputShapes);
        CheckOpset(model);
        var file = model.File;
        var graph = model.Graph;
        var known = new Dictionary<string, KnownTensor>(StringComparer.Ordinal);
        var unknownFrom = new Dictionary<string, string>(StringComparer.Ordinal);
        var declared = Declared(graph);

        foreach (var initializer in graph.Initializers)
            known[initializer.Name] = new KnownTensor(initializer.Type, initializer.Dims.ToArray(), initializer.Value, initializer, null);
        var runtimeInputs = graph.RuntimeInputs.Select(i => i.Name).ToArray();
        foreach (var (name, shape) in InputShapes.Resolve(model, inputShapes))
            known[name] = new KnownTensor(graph.Inputs.First(i => i.Name == name).Type, shape, null, null, null);

        // A required value (a shape parameter) loads small external data and fails loudly when it cannot; an optional one
        // (folding that might happen) gives null instead, so a missing data file never fails a shape-only import.
        var unreadable = new HashSet<string>(StringComparer.Ordinal);
        ConstantValue? ValueOf(string name, bool required)
        {
            var tensor = known[name];
            if (tensor.Value is null && tensor.Stored?.External is not null && (required || !unreadable.Contains(name)))
            {
                ConstantValue? loaded;
                try
                {
                    loaded = ExternalDataReader.Load(file, tensor.Stored);
                }
                catch (SimInputException) when (!required)
                {
                    unreadable.Add(name);
                    return null;
                }
                known[name] = tensor with { Value = loaded };
                return loaded;
            }
            return tensor.Value;
        }

        var nodes = new List<InferredNode>(graph.Nodes.Count);
        foreach (var node in graph.Nodes)
        {
            var reason = InferNode(model, node, known, unknownFrom, declared, ValueOf);
            if (reason is not null)
            {
                foreach (var output in node.Outputs.Where(o => o.Length > 0 && !known.ContainsKey(o)))
                    unknownFrom[output] = node.Name;
            }
            var folded = reason is null && node.Outputs.Where(o => o.Length > 0).All(o => known[o].Value is not null);
            nodes.Add(new InferredNode(node.Index, node.Name, node.OpType, node.Domain, node.Inputs, node.Outputs, node.Attributes, folded, reason));
        }
        foreach (var output in graph.Outputs)
        {
            if (!known.ContainsKey(output.Name) && !unknownFrom.ContainsKey(output.Name))
                throw new SimInputException($"{file}: graph output '{output.Name}' is produced by no node, input or initializer. Fix: the model is malformed; re-export it");
        }
        var tensors = TensorRoles.Assign(graph, nodes, known, runtimeInputs);
        return new InferredGraph(model, nodes, tensors, runtimeInputs, graph.Outputs.Select(o => o.Name).ToArray());
    }

    private static string? InferNode(OnnxModel model, OnnxNode node, Dictionary<string, KnownTensor> known, Dictionary<string, string> unknownFrom,
        Dictionary<string, OnnxValueInfo> declared, Func<string, bool, ConstantValue?> valueOf)
    {
        foreach (var input in node.Inputs.Where(i => i.Length > 0))
        {
            if (unknownFrom.TryGetValue(input, out var producer))
                return $"input '{input}' has an unknown shape (from node '{producer}')";
            if (!known.ContainsKey(input))
                throw new SimInputException($"{model.File}: {node.Label}: input '{input}' names no tensor (no graph input, initializer or earlier node output). Fix: the model is malformed or not topologically sorted; re-export it");
        }
        foreach (var output in node.Outputs.Where(o => o.Length > 0))
        {
            if (known.ContainsKey(output) || unknownFrom.ContainsKey(output))
                throw new SimInputException($"{model.File}: {node.Label}: output '{output}' is already produced by a graph input, an initializer or an earlier node. Fix: the model is malformed (ONNX tensors are assigned once); re-export it");
        }
        var context = new NodeContext(model.File, model.DefaultOpset, node, name => known[name], valueOf);
        string? reason = null;
        if (node.Domain.Length == 0 && ShapeRules.Table.TryGetValue(node.OpType, out var rule))
        {
            try
            {
                rule(context);
            }
            catch (ShapeUnknownException e)
            {
                reason = e.Message;
            }
            catch (OverflowException)
            {
                // A rule's checked size arithmetic (Shapes.Count) overflowed: name the node, not just "overflow".
                throw context.Fail($"a size computed from {context.Describe(Enumerable.Range(0, node.Inputs.Count).ToArray())} exceeds 2^63", "check the model's shapes (or pass a smaller --input-shape)");
            }
        }
        else
        {
            reason = $"op type '{node.OpType}' (domain {(node.Domain.Length == 0 ? "ai.onnx" : node.Domain)}) has no shape rule";
        }
        for (var k = 0; k < node.Outputs.Count; k++)
        {
            var name = node.Outputs[k];
            if (name.Length == 0)
                continue;
            var result = reason is null ? context.Results[k] : null;
            if (result is null && declared.TryGetValue(name, out var info) && info.IsStatic && info.Type != OnnxElementType.Undefined)
                result = new KnownTensor(info.Type, info.Shape!.Select(d => d.Value!.Value).ToArray(), null, null, node.Name);
            if (result is null)
                return reason ?? $"output '{name}' has no shape rule";
            CheckDeclared(model.File, node, name, result, declared);
            known[name] = result;
        }
        return null;
    }

    private static void CheckDeclared(string file, OnnxNode node, string name, KnownTensor inferred, Dictionary<string, OnnxValueInfo> declared)
    {
        if (!declared.TryGetValue(name, out var info))
            return;
        var shapeClash = info.Shape is not null && (info.Shape.Count != inferred.Shape.Length
            || info.Shape.Where((d, i) => d.Value is { } v && v != inferred.Shape[i]).Any());
        var typeClash = info.Type != OnnxElementType.Undefined && info.Type != inferred.Type;
        if (shapeClash || typeClash)
            throw new SimInputException($"{file}: {node.Label}: output '{name}' is declared {info.Type.OnnxName()}[{string.Join(",", info.Shape ?? [])}] but infers to {inferred.Type.OnnxName()}{Shapes.Text(inferred.Shape)}. Fix: the model is malformed (its value_info/outputs contradict its nodes), or the --input-shape given does not fit it");
    }

    private static Dictionary<string, OnnxValueInfo> Declared(OnnxGraph graph)
    {
        var declared = new Dictionary<string, OnnxValueInfo>(StringComparer.Ordinal);
        foreach (var info in graph.ValueInfo.Concat(graph.Outputs))
            declared[info.Name] = info;
        return declared;
    }

    private static void CheckOpset(OnnxModel model)
    {
        if (!model.Opsets.TryGetValue("", out var version))
            throw new SimInputException($"{model.File}: the model imports no default-domain (ai.onnx) opset. Fix: re-export it with an opset_import for domain '' (versions {MinOpset}..{MaxOpset} are supported)");
        if (version < MinOpset || version > MaxOpset)
            throw new SimInputException($"{model.File}: opset_import ai.onnx version {version} is not supported (supported: {MinOpset}..{MaxOpset}). Fix: convert the model to a supported opset (e.g. onnx.version_converter.convert_model(model, 17)) or re-export it with one");
    }
}
