using Sim.Core.Config;
using Sim.Core.Workloads;
using Sim.Explorer.Import.Onnx.Lowering;
using Sim.Explorer.Inputs;

namespace Sim.Explorer.Sweeps;

/// <summary>
/// One entry of a sweep's <c>workloads:</c> list: a path (YAML workload, topology CSV, Timeloop problem), or for an ONNX
/// model a mapping <c>{path: det.onnx, input_shape: [x=1x3x640x640], name: det, attention_lowering: fused, fuse_attention: true,
/// fuse_layer_norm: true}</c>
/// (input_shape is required whenever the model has symbolic input dims). Relative paths are resolved from the spec's folder.
/// </summary>
public static class SweepWorkloadEntry
{
    public static (string Path, Workload Workload) Load(string? text, YamlMap? map, string directory)
    {
        if (map is null)
            return (text!, WorkloadSources.Load(text!, WorkloadImportSettings.Default, directory).Workload);

        map.AllowOnly("path", "input_shape", "name", "attention_lowering", "fuse_attention", "fuse_layer_norm");
        var path = map.RequireString("path");
        var loweringText = map.OptionalString("attention_lowering") ?? "fused";
        if (!AttentionLoweringNames.TryParse(loweringText, out var lowering))
            throw map.ErrorAt("attention_lowering", $"'{loweringText}' is not a lowering", "use fused, two-pass or unfused");
        var fuseText = Flag(map, "fuse_attention");
        var fuseNormText = Flag(map, "fuse_layer_norm");
        var shapes = map.OptionalStringList("input_shape");
        if (shapes.Count > 0 && !Path.GetExtension(path).Equals(".onnx", StringComparison.OrdinalIgnoreCase))
            throw map.ErrorAt("input_shape", $"'{path}' is not an ONNX model", "drop input_shape (it sets an ONNX model's input shapes)");
        foreach (var shape in shapes)
        {
            try
            {
                _ = Import.Onnx.Inference.InputShapes.Parse(shape);
            }
            catch (SimInputException)
            {
                throw map.ErrorAt("input_shape", $"'{shape}' is not NAME=DIMxDIMx…", "write e.g. input_shape: [x=1x3x640x640]");
            }
        }

        var settings = new WorkloadImportSettings(shapes, new OnnxLoweringOptions(map.OptionalString("name"), fuseText == "true", lowering) { FuseLayerNorm = fuseNormText == "true" });
        return (path, WorkloadSources.Load(path, settings, directory).Workload);
    }

    private static string Flag(YamlMap map, string key)
    {
        var text = map.OptionalString(key) ?? "true";
        return text is "true" or "false" ? text : throw map.ErrorAt(key, $"'{text}' is not true or false", $"write {key}: true or false");
    }
}
