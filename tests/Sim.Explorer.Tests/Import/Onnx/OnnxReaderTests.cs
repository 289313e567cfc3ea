using Google.Protobuf;
using Sim.Core.Config;
using Sim.Explorer.Import.Onnx;
using Sim.Explorer.Import.Onnx.Proto;

namespace Sim.Explorer.Tests.Import.Onnx;

public class OnnxReaderTests
{
    [Fact]
    public void Reads_opsets_producer_nodes_and_attributes()
    {
        using var dir = new TempDirectory();
        var tiny = new TinyOnnx(13).Input("x", 1, 2).Node("LeakyRelu", ["x"], ["y"], ("alpha", 0.25f)).Node("Relu", ["y"], ["z"]).Output("z");
        tiny.Proto.OpsetImport.Add(new OperatorSetIdProto { Domain = "ai.onnx.ml", Version = 3 });
        tiny.Graph.Node[1].Name = "";
        tiny.Graph.Node.Add(new NodeProto { Name = "leakyrelu0", OpType = "Relu", Input = { "z" }, Output = { "w" } });
        var model = tiny.Read(dir);
        Assert.Equal(8, model.IrVersion);
        Assert.Equal(13, model.DefaultOpset);
        Assert.Equal(3, model.Opsets["ai.onnx.ml"]);
        Assert.Equal("TinyOnnx", model.Producer);
        Assert.Equal(["leakyrelu0", "Relu_1", "leakyrelu0_2"], model.Graph.Nodes.Select(n => n.Name));
        Assert.Equal(0.25, model.Graph.Nodes[0].Attributes.Float("alpha", 0.01));
        Assert.Equal(0.01, model.Graph.Nodes[1].Attributes.Float("alpha", 0.01));
        var e = Assert.Throws<SimInputException>(() => model.Graph.Nodes[0].Attributes.Int("alpha"));
        Assert.Contains("node 'leakyrelu0' (LeakyRelu): attribute 'alpha' is FLOAT, expected INT", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_file_is_an_error_naming_the_file()
    {
        using var dir = new TempDirectory();
        var path = new TinyOnnx().Input("x", 1, 3, 8, 8).Weight("w", 4, 3, 3, 3).Node("Conv", ["x", "w"], ["y"]).Output("y").Write(dir);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        var e = Assert.Throws<SimInputException>(() => OnnxReader.Read(path));
        Assert.StartsWith($"{path}: not a valid ONNX model: protobuf parsing failed", e.Message, StringComparison.Ordinal);
        Assert.Contains("Fix: the file is truncated or not an ONNX model", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Model_without_graph_and_missing_file_are_errors()
    {
        using var dir = new TempDirectory();
        var path = dir.File("empty.onnx");
        using (var stream = File.Create(path))
            new ModelProto { IrVersion = 8 }.WriteTo(stream);
        Assert.Contains("the model has no graph", Assert.Throws<SimInputException>(() => OnnxReader.Read(path)).Message, StringComparison.Ordinal);
        Assert.Contains("file not found", Assert.Throws<SimInputException>(() => OnnxReader.Read(dir.File("nope.onnx"))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Large_initializer_is_not_materialised_and_small_ones_are_read_by_the_value_pass()
    {
        using var dir = new TempDirectory();
        const long big = 16 * 1024 * 1024; // 16 Mi floats = 64 MiB of raw_data
        var tiny = new TinyOnnx().Input("x", 4, 1024).Weight("huge", 256, big / 256);
        tiny.Initializer(TinyOnnx.Int64Tensor([2], [-1, 256])).Graph.Initializer[^1].Name = "target";
        tiny.Node("Reshape", ["x", "target"], ["y"]).Node("MatMul", ["y", "huge"], ["z"]).Output("z");
        var path = tiny.Write(dir);
        Assert.True(new FileInfo(path).Length > big * 4);

        GC.Collect();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var model = OnnxReader.Read(path);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 16 * 1024 * 1024, $"reading allocated {allocated} bytes");

        var huge = model.Graph.Initializers[0];
        Assert.Equal([256, big / 256], huge.Dims);
        Assert.Null(huge.Value);
        Assert.Equal([-1, 256], model.Graph.Initializers[1].Value!.Longs!);
        var g = OnnxShapeInference.Infer(model, new Dictionary<string, long[]>());
        Assert.Equal([16, big / 256], g.Get("z").Shape);
        Assert.Equal(big * 4, g.Get("huge").Bytes);
        Assert.Equal(TensorRole.Weight, g.Get("huge").Role);
        Assert.Equal(TensorRole.Constant, g.Get("target").Role);
    }

    [Fact]
    public void Typed_data_fields_and_raw_data_decode_little_endian()
    {
        using var dir = new TempDirectory();
        var tiny = new TinyOnnx();
        tiny.Initializer(Tensor("i8", OnnxElementType.Int8, t => t.Int32Data.AddRange([-3, 127])));
        tiny.Initializer(Tensor("b", OnnxElementType.Bool, t => t.Int32Data.AddRange([1, 0])));
        tiny.Initializer(Tensor("u64", OnnxElementType.UInt64, t => t.Uint64Data.AddRange([7UL, 9UL])));
        tiny.Initializer(Tensor("d", OnnxElementType.Double, t => t.DoubleData.AddRange([0.5, -2])));
        tiny.Initializer(Tensor("raw64", OnnxElementType.Int64, t => t.RawData = ByteString.CopyFrom([0xFE, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 5, 1, 0, 0, 0, 0, 0, 0])));
        tiny.Initializer(Tensor("rawf", OnnxElementType.Float, t => t.RawData = ByteString.CopyFrom([0, 0, 0xC0, 0x3F, 0, 0, 0x80, 0xBF])));
        tiny.Initializer(Tensor("u8", OnnxElementType.UInt8, t => t.RawData = ByteString.CopyFrom([200, 3])));
        tiny.Initializer(Tensor("half", OnnxElementType.Float16, t => t.RawData = ByteString.CopyFrom([0, 0x3C, 0, 0x40])));
        var values = tiny.Read(dir).Graph.Initializers.ToDictionary(i => i.Name, i => i.Value);
        Assert.Equal([-3, 127], values["i8"]!.Longs!);
        Assert.Equal([1, 0], values["b"]!.Longs!);
        Assert.Equal([7, 9], values["u64"]!.Longs!);
        Assert.Equal([0.5, -2.0], values["d"]!.Doubles!);
        Assert.Equal([-2, 261], values["raw64"]!.Longs!);
        Assert.Equal([1.5, -1.0], values["rawf"]!.Doubles!);
        Assert.Equal([200, 3], values["u8"]!.Longs!);
        Assert.Null(values["half"]);
    }

    [Fact]
    public void Raw_data_of_the_wrong_length_is_an_error()
    {
        using var dir = new TempDirectory();
        var tiny = new TinyOnnx();
        tiny.Initializer(Tensor("bad", OnnxElementType.Int32, t => t.RawData = ByteString.CopyFrom([1, 2, 3])));
        var e = Assert.Throws<SimInputException>(() => tiny.Read(dir));
        Assert.Contains("initializer 'bad': raw data holds 3 bytes, INT32[2] needs 8", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void External_data_value_is_read_when_a_rule_needs_it_and_a_missing_file_is_an_error()
    {
        using var dir = new TempDirectory();
        var target = new TensorProto { Name = "target", DataType = (int)OnnxElementType.Int64, DataLocation = TensorProto.Types.DataLocation.External };
        target.Dims.Add(2);
        target.ExternalData.Add(new StringStringEntryProto { Key = "location", Value = "weights.bin" });
        target.ExternalData.Add(new StringStringEntryProto { Key = "offset", Value = "8" });
        target.ExternalData.Add(new StringStringEntryProto { Key = "length", Value = "16" });
        var tiny = new TinyOnnx().Input("x", 6, 4).Initializer(target).Node("Reshape", ["x", "target"], ["y"]).Output("y");
        var path = tiny.Write(dir);
        var model = OnnxReader.Read(path);
        Assert.Equal(new OnnxExternalData("weights.bin", 8, 16), model.Graph.Initializers[0].External);
        var e = Assert.Throws<SimInputException>(() => OnnxShapeInference.Infer(model, new Dictionary<string, long[]>()));
        Assert.Contains("its value is needed for shape inference but its external data file", e.Message, StringComparison.Ordinal);

        var data = new byte[24];
        BitConverter.TryWriteBytes(data.AsSpan(8), 3L);
        BitConverter.TryWriteBytes(data.AsSpan(16), -1L);
        File.WriteAllBytes(dir.File("weights.bin"), data);
        Assert.Equal([3, 8], OnnxShapeInference.Infer(model, new Dictionary<string, long[]>()).Get("y").Shape);
    }

    private static TensorProto Tensor(string name, OnnxElementType type, Action<TensorProto> fill)
    {
        var t = new TensorProto { Name = name, DataType = (int)type };
        t.Dims.Add(2);
        fill(t);
        return t;
    }
}
