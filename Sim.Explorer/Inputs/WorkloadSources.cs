using System.Globalization;
using Sim.Explorer.Import.Onnx;

namespace Sim.Explorer.Inputs;

/// <summary>
/// Loads a workload from a path by its format: an ONNX model (<c>.onnx</c>, read from disk: it is binary and may be
/// large) or any text workload <see cref="InputLoaders"/> reads (our YAML, SCALE-Sim topology CSV).
/// </summary>
public static class WorkloadSources
{
    public static LoadedWorkload Load(string path, WorkloadImportSettings settings, string? relativeTo = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(settings);
        if (Path.GetExtension(path).Equals(".onnx", StringComparison.OrdinalIgnoreCase))
        {
            var full = relativeTo is null || Path.IsPathRooted(path) || relativeTo.StartsWith("embedded:", StringComparison.Ordinal)
                ? path
                : Path.Combine(relativeTo, path);
            var onnx = OnnxImporter.Import(full, settings.InputShapes, settings.Lowering);
            string[] header =
            [
                $"imported by `sim import` from {Path.GetFileName(full)} (ONNX opset {onnx.Opset.ToString(CultureInfo.InvariantCulture)})",
                $"input shapes: {string.Join(", ", onnx.InputShapes.Select(s => $"{s.Key}={string.Join("x", s.Value)}"))}",
                onnx.Summary,
            ];
            return new LoadedWorkload(onnx.Workload, header, onnx);
        }

        if (settings.InputShapes.Count > 0)
            throw new Core.Config.SimInputException($"--input-shape: {path} is not an ONNX model. Fix: drop --input-shape (it sets an ONNX model's input shapes)");
        var file = InputFile.Read(path, relativeTo);
        return new LoadedWorkload(InputLoaders.LoadWorkload(file), [$"imported by `sim import` from {Path.GetFileName(file.DisplayPath)}"], null);
    }
}
