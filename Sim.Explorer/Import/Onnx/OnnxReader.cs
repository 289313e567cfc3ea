using Google.Protobuf;
using Sim.Core.Config;
using Sim.Explorer.Import.Onnx.Proto;

namespace Sim.Explorer.Import.Onnx;

/// <summary>
/// Reads an .onnx file into an <see cref="OnnxModel"/> without loading initializer data: pass 1 streams the file through
/// <see cref="StreamModelProto"/> (initializers as data-less headers, unknown fields discarded, so weight bytes are skipped
/// as they stream by); pass 2 (<see cref="InitializerValuePass"/>) reads back only the small initializers whose values
/// constant folding may need. Constant nodes carry their TensorProto with data inside the node (paddle2onnx exports put
/// every weight there): those are parsed with the graph, and only values of ≤ <see cref="ConstantValue.MaxElements"/>
/// elements are decoded.
/// </summary>
public static class OnnxReader
{
    public static OnnxModel Read(string path)
    {
        if (!File.Exists(path))
            throw new SimInputException($"{path}: file not found. Fix: check the path (relative paths are resolved from the current directory)");
        StreamModelProto proto;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
            proto = StreamModelProto.Parser.WithDiscardUnknownFields(true).ParseFrom(stream);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw Malformed(path, e);
        }
        if (proto.Graph is null)
            throw new SimInputException($"{path}: the model has no graph (ModelProto.graph is missing). Fix: check that the file is an ONNX model, not truncated or of another format");

        var opsets = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var opset in proto.OpsetImport)
            opsets[NormalDomain(opset.Domain)] = opset.Version;
        var graph = proto.Graph;
        var nodes = ReadNodes(path, graph);
        var initializers = ReadInitializers(path, graph);
        return new OnnxModel(
            path,
            proto.IrVersion,
            opsets,
            string.IsNullOrEmpty(proto.ProducerName) ? null : $"{proto.ProducerName} {proto.ProducerVersion}".TrimEnd(),
            new OnnxGraph(graph.Name, nodes, initializers, graph.Input.Select(ValueInfo).ToArray(), graph.Output.Select(ValueInfo).ToArray(),
                graph.ValueInfo.Select(ValueInfo).ToArray()));
    }

    /// <summary>"ai.onnx" and "" both name the default operator set.</summary>
    public static string NormalDomain(string domain) => domain == "ai.onnx" ? "" : domain;

    internal static SimInputException Malformed(string path, InvalidProtocolBufferException e) =>
        new($"{path}: not a valid ONNX model: protobuf parsing failed ({e.Message}). Fix: the file is truncated or not an ONNX model; re-download or re-export it", e);

    private static OnnxNode[] ReadNodes(string path, StreamGraphProto graph)
    {
        var nodes = new OnnxNode[graph.Node.Count];
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < nodes.Length; i++)
        {
            var node = graph.Node[i];
            // Unnamed nodes become "Op_i", a repeated name "name_i"; a synthesized name can itself be taken (nodes "n_2",
            // "n", "n"), so count on until one is free: every node name is unique.
            var given = string.IsNullOrEmpty(node.Name) ? $"{node.OpType}_{i}" : node.Name;
            var name = given;
            for (var k = i; !names.Add(name); k++)
                name = $"{given}_{k}";
            var label = $"node '{name}' ({node.OpType})";
            var attributes = new OnnxAttributes(path, label, node.Attribute.Select(a => Attribute(path, label, a)));
            nodes[i] = new OnnxNode(i, name, node.OpType, NormalDomain(node.Domain), node.Input.ToArray(), node.Output.ToArray(), attributes);
        }
        return nodes;
    }

    private static OnnxTensor[] ReadInitializers(string path, StreamGraphProto graph)
    {
        var headers = graph.Initializer;
        var wanted = new HashSet<int>();
        for (var i = 0; i < headers.Count; i++)
        {
            var header = headers[i];
            var type = (OnnxElementType)header.DataType;
            var count = TensorDecoder.ElementCount(header.Dims, path, $"initializer '{header.Name}'");
            if (header.DataLocation != TensorProto.Types.DataLocation.External && count <= ConstantValue.MaxElements
                && (type.IsIntegral() || type.IsDecodedFloat()))
                wanted.Add(i);
        }
        Dictionary<int, TensorProto> values;
        try
        {
            values = InitializerValuePass.Read(path, wanted);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw Malformed(path, e);
        }
        var initializers = new OnnxTensor[headers.Count];
        for (var i = 0; i < headers.Count; i++)
        {
            var header = headers[i];
            var what = $"initializer '{header.Name}'";
            ConstantValue? value = null;
            if (values.TryGetValue(i, out var full))
            {
                if (full.Name != header.Name)
                    throw new SimInputException($"{path}: {what}: the value pass found '{full.Name}' at its position. Fix: the file is malformed (it changed while being read?)");
                value = TensorDecoder.Decode(full, path, what);
            }
            initializers[i] = new OnnxTensor(header.Name, (OnnxElementType)header.DataType, header.Dims.ToArray(), value,
                TensorDecoder.External(header.DataLocation, header.ExternalData, path, what), i);
        }
        return initializers;
    }

    private static OnnxAttributeEntry Attribute(string path, string label, AttributeProto a)
    {
        var kind = (OnnxAttributeKind)a.Type;
        if (kind == OnnxAttributeKind.Undefined)
            kind = GuessKind(a);
        OnnxTensor? tensor = null;
        if (a.T is { } t)
        {
            var what = $"{label} attribute '{a.Name}'";
            tensor = new OnnxTensor(t.Name, (OnnxElementType)t.DataType, t.Dims.ToArray(), TensorDecoder.Decode(t, path, what),
                TensorDecoder.External(t.DataLocation, t.ExternalData, path, what), -1);
        }
        return new OnnxAttributeEntry(a.Name, kind, a.F, a.I, a.S.ToStringUtf8(), a.Floats.Select(f => (double)f).ToArray(), a.Ints.ToArray(),
            a.Strings.Select(s => s.ToStringUtf8()).ToArray(), tensor);
    }

    // Very old writers left AttributeProto.type unset; the field that is set says the kind.
    private static OnnxAttributeKind GuessKind(AttributeProto a) =>
        a.T is not null ? OnnxAttributeKind.Tensor
        : a.Ints.Count > 0 ? OnnxAttributeKind.Ints
        : a.Floats.Count > 0 ? OnnxAttributeKind.Floats
        : a.Strings.Count > 0 ? OnnxAttributeKind.Strings
        : !a.S.IsEmpty ? OnnxAttributeKind.String
        : a.F != 0 ? OnnxAttributeKind.Float
        : OnnxAttributeKind.Int;

    private static OnnxValueInfo ValueInfo(ValueInfoProto v)
    {
        var tensor = v.Type?.TensorType;
        // Some converters write dim_value −1 for "dynamic": a negative dim is symbolic, so --input-shape can set it.
        IReadOnlyList<OnnxDim>? shape = tensor?.Shape is { } s
            ? s.Dim.Select(d => new OnnxDim(
                d.ValueCase == TensorShapeProto.Types.Dimension.ValueOneofCase.DimValue && d.DimValue >= 0 ? d.DimValue : null,
                d.ValueCase == TensorShapeProto.Types.Dimension.ValueOneofCase.DimParam ? d.DimParam : null)).ToArray()
            : null;
        return new OnnxValueInfo(v.Name, (OnnxElementType)(tensor?.ElemType ?? 0), shape);
    }
}
