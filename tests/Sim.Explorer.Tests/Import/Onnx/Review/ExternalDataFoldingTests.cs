using Google.Protobuf;
using Sim.Core.Config;
using Sim.Explorer.Import.Onnx;
using Sim.Explorer.Import.Onnx.Proto;

namespace Sim.Explorer.Tests.Import.Onnx.Review;

/// <summary>Optional folding never makes a shape-only import fail on external data; a value a shape needs still does.</summary>
public class ExternalDataFoldingTests
{
    private static TensorProto External(string name, OnnxElementType type, long length)
    {
        var t = new TensorProto { Name = name, DataType = (int)type, DataLocation = TensorProto.Types.DataLocation.External };
        t.Dims.Add(length);
        t.ExternalData.Add(new StringStringEntryProto { Key = "location", Value = "weights.bin" });
        return t;
    }

    [Fact]
    public void A_missing_external_file_does_not_block_an_add_that_only_might_fold()
    {
        using var dir = new TempDirectory();
        var g = new TinyOnnx(13).Input("x", 1, 16).Initializer(External("b", OnnxElementType.Float, 16))
            .Node("Add", ["x", "b"], ["y"]).Output("y").Infer(dir);
        Assert.Equal([1, 16], g.Get("y").Shape);
    }

    [Fact]
    public void A_present_external_file_still_folds_and_a_required_value_still_fails_when_missing()
    {
        using var dir = new TempDirectory();
        var model = new TinyOnnx(13).Input("x", 2, 6).Initializer(External("t", OnnxElementType.Int64, 2))
            .Ints("one", 1).Node("Add", ["t", "one"], ["t1"]).Node("Reshape", ["x", "t"], ["y"]).Output("y").Output("t1");
        var missing = Assert.Throws<SimInputException>(() => model.Infer(dir));
        Assert.Contains("its external data file", missing.Message, StringComparison.Ordinal);

        File.WriteAllBytes(dir.File("weights.bin"), [.. BitConverter.GetBytes(3L), .. BitConverter.GetBytes(4L)]);
        var g = model.Infer(dir);
        Assert.Equal([3, 4], g.Get("y").Shape);
        Assert.Equal([4, 5], g.Get("t1").Value!.Longs!);
    }
}
