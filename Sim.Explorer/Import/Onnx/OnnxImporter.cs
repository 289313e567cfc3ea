using Sim.Core.Config;
using Sim.Explorer.Import.Onnx.Inference;
using Sim.Explorer.Import.Onnx.Lowering;

namespace Sim.Explorer.Import.Onnx;

/// <summary>Reads an ONNX file, infers its shapes under the given input shapes and lowers it to a workload.</summary>
public static class OnnxImporter
{
    /// <param name="inputShapes">"name=1x3x640x640" texts (the CLI's --input-shape), one per graph input to fix.</param>
    public static OnnxImport Import(string path, IEnumerable<string> inputShapes, OnnxLoweringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(inputShapes);
        var shapes = new Dictionary<string, long[]>(StringComparer.Ordinal);
        foreach (var text in inputShapes)
        {
            var (name, dims) = InputShapes.Parse(text);
            if (!shapes.TryAdd(name, dims))
                throw new SimInputException($"--input-shape: input '{name}' is given twice. Fix: give each input's shape once");
        }

        var model = OnnxReader.Read(path);
        return OnnxLowering.Lower(OnnxShapeInference.Infer(model, shapes), options);
    }
}
