using Sim.Core.Config;

namespace Sim.Explorer.Import.Onnx;

/// <summary>
/// Reads a small external-data tensor's value from the file its <see cref="OnnxExternalData"/> names (relative to the
/// model's directory), only when a shape rule may use it; large external tensors are never read. Inference calls it for
/// optional folding too, but then treats a failure as "value unknown": only a value a shape requires makes a bad file an error.
/// </summary>
internal static class ExternalDataReader
{
    public static ConstantValue? Load(string modelFile, OnnxTensor tensor)
    {
        var external = tensor.External ?? throw new ArgumentException("tensor has no external data", nameof(tensor));
        var what = $"tensor '{tensor.Name}'";
        if (tensor.ElementCount > ConstantValue.MaxElements || !(tensor.Type.IsIntegral() || tensor.Type.IsDecodedFloat()))
            return null;
        var directory = Path.GetDirectoryName(Path.GetFullPath(modelFile)) ?? ".";
        var path = Path.Combine(directory, external.Location);
        if (!File.Exists(path))
            throw new SimInputException($"{modelFile}: {what}: its value is needed for shape inference but its external data file '{path}' does not exist. Fix: put '{external.Location}' beside the model");
        var bytes = tensor.Type.BytesFor(tensor.ElementCount);
        if (external.Length is { } declared && declared != bytes)
            throw new SimInputException($"{modelFile}: {what}: external data length {declared} bytes, {tensor.Type.OnnxName()}[{string.Join("x", tensor.Dims)}] needs {bytes}. Fix: re-export the model");
        using var stream = File.OpenRead(path);
        if (external.Offset + bytes > stream.Length)
            throw new SimInputException($"{modelFile}: {what}: external data [{external.Offset}, {external.Offset + bytes}) lies past the end of '{path}' ({stream.Length} bytes). Fix: re-export the model with its data file");
        var buffer = new byte[bytes];
        stream.Seek(external.Offset, SeekOrigin.Begin);
        stream.ReadExactly(buffer);
        return TensorDecoder.FromRaw(tensor.Type, tensor.Dims.ToArray(), buffer, modelFile, what);
    }
}
