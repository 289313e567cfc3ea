using Google.Protobuf;
using Sim.Explorer.Import.Onnx;
using Sim.Explorer.Import.Onnx.Proto;

namespace Sim.Explorer.Tests.Import.Onnx;

/// <summary>Builds tiny ONNX models with the generated (full-schema) classes and writes them to a temp directory.</summary>
internal sealed class TinyOnnx
{
    private readonly ModelProto _model;
    private int _constants;

    public TinyOnnx(long opset = 17)
    {
        _model = new ModelProto { IrVersion = 8, ProducerName = "TinyOnnx", Graph = new GraphProto { Name = "tiny" } };
        _model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = opset });
    }

    public ModelProto Proto => _model;

    public GraphProto Graph => _model.Graph;

    /// <summary>A FLOAT input; each dim a long (static) or a string (symbolic).</summary>
    public TinyOnnx Input(string name, params object[] dims)
    {
        Graph.Input.Add(Info(name, OnnxElementType.Float, dims));
        return this;
    }

    /// <summary>A graph output, typed and shaped only when dims are given.</summary>
    public TinyOnnx Output(string name, OnnxElementType type = OnnxElementType.Undefined, params object[] dims)
    {
        Graph.Output.Add(type == OnnxElementType.Undefined ? new ValueInfoProto { Name = name } : Info(name, type, dims));
        return this;
    }

    public TinyOnnx ValueInfo(string name, OnnxElementType type, params object[] dims)
    {
        Graph.ValueInfo.Add(Info(name, type, dims));
        return this;
    }

    /// <summary>A FLOAT initializer of zeros (raw_data) of the given dims.</summary>
    public TinyOnnx Weight(string name, params long[] dims)
    {
        var t = new TensorProto { Name = name, DataType = (int)OnnxElementType.Float, RawData = ByteString.CopyFrom(new byte[4 * dims.Aggregate(1L, (a, d) => a * d)]) };
        t.Dims.AddRange(dims);
        Graph.Initializer.Add(t);
        return this;
    }

    public TinyOnnx Initializer(TensorProto tensor)
    {
        Graph.Initializer.Add(tensor);
        return this;
    }

    /// <summary>A Constant node holding a 1-D INT64 tensor (int64_data), output named <paramref name="output"/>.</summary>
    public TinyOnnx Ints(string output, params long[] values) => Constant(output, Int64Tensor([values.Length], values));

    /// <summary>A Constant node holding a 1-D FLOAT tensor (float_data).</summary>
    public TinyOnnx Floats(string output, params float[] values)
    {
        var t = new TensorProto { DataType = (int)OnnxElementType.Float };
        t.Dims.Add(values.Length);
        t.FloatData.AddRange(values);
        return Constant(output, t);
    }

    public TinyOnnx Constant(string output, TensorProto value) => Node("Constant", [], [output], ("value", value));

    public static TensorProto Int64Tensor(long[] dims, long[] values)
    {
        var t = new TensorProto { DataType = (int)OnnxElementType.Int64 };
        t.Dims.AddRange(dims);
        t.Int64Data.AddRange(values);
        return t;
    }

    /// <summary>A node; attribute values: long/int → INT, long[] → INTS, float/double → FLOAT, float[] → FLOATS, string → STRING, TensorProto → TENSOR.</summary>
    public TinyOnnx Node(string op, string[] inputs, string[] outputs, params (string Name, object Value)[] attributes) =>
        NodeIn("", op, inputs, outputs, attributes);

    public TinyOnnx NodeIn(string domain, string op, string[] inputs, string[] outputs, params (string Name, object Value)[] attributes)
    {
        var node = new NodeProto { OpType = op, Domain = domain, Name = $"{op.ToLowerInvariant()}{Graph.Node.Count}" };
        node.Input.AddRange(inputs);
        node.Output.AddRange(outputs);
        foreach (var (name, value) in attributes)
            node.Attribute.Add(Attribute(name, value));
        Graph.Node.Add(node);
        return this;
    }

    public string NextName() => $"c{_constants++}";

    public string Write(TempDirectory dir, string name = "model.onnx")
    {
        var path = dir.File(name);
        using var stream = File.Create(path);
        _model.WriteTo(stream);
        return path;
    }

    public OnnxModel Read(TempDirectory dir) => OnnxReader.Read(Write(dir));

    public InferredGraph Infer(TempDirectory dir, params (string Name, long[] Dims)[] shapes) =>
        OnnxShapeInference.Infer(Read(dir), shapes.ToDictionary(s => s.Name, s => s.Dims));

    /// <summary>Writes, reads and infers in one call with a private temp directory.</summary>
    public InferredGraph Infer(params (string Name, long[] Dims)[] shapes)
    {
        using var dir = new TempDirectory();
        return Infer(dir, shapes);
    }

    private static ValueInfoProto Info(string name, OnnxElementType type, object[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (var d in dims)
        {
            shape.Dim.Add(d switch
            {
                string p => new TensorShapeProto.Types.Dimension { DimParam = p },
                _ => new TensorShapeProto.Types.Dimension { DimValue = Convert.ToInt64(d, System.Globalization.CultureInfo.InvariantCulture) },
            });
        }
        return new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = shape } } };
    }

    private static AttributeProto Attribute(string name, object value)
    {
        var a = new AttributeProto { Name = name };
        switch (value)
        {
            case int i: a.Type = AttributeProto.Types.AttributeType.Int; a.I = i; break;
            case long l: a.Type = AttributeProto.Types.AttributeType.Int; a.I = l; break;
            case float f: a.Type = AttributeProto.Types.AttributeType.Float; a.F = f; break;
            case double d: a.Type = AttributeProto.Types.AttributeType.Float; a.F = (float)d; break;
            case string s: a.Type = AttributeProto.Types.AttributeType.String; a.S = ByteString.CopyFromUtf8(s); break;
            case long[] ls: a.Type = AttributeProto.Types.AttributeType.Ints; a.Ints.AddRange(ls); break;
            case float[] fs: a.Type = AttributeProto.Types.AttributeType.Floats; a.Floats.AddRange(fs); break;
            case TensorProto t: a.Type = AttributeProto.Types.AttributeType.Tensor; a.T = t; break;
            default: throw new ArgumentException($"unsupported attribute value {value.GetType()}", nameof(value));
        }
        return a;
    }
}
