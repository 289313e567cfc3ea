using Sim.Core.Config;

namespace Sim.Explorer.Import.Onnx.Inference;

/// <summary>
/// Resolves each runtime graph input's shape: the declared static dims, or the user's override (which must have the
/// declared rank and agree with its static dims). A symbolic or missing dim without an override is an error that says
/// which input and dim, and how to pass the shape.
/// </summary>
internal static class InputShapes
{
    public static Dictionary<string, long[]> Resolve(OnnxModel model, IReadOnlyDictionary<string, long[]> overrides)
    {
        var file = model.File;
        var inputs = model.Graph.RuntimeInputs.ToArray();
        foreach (var name in overrides.Keys.Where(k => inputs.All(i => i.Name != k)))
        {
            throw new SimInputException($"{file}: --input-shape names '{name}', which is not an input of the model (inputs: {string.Join(", ", inputs.Select(i => i.Name))}). Fix: use one of the model's input names");
        }
        var resolved = new Dictionary<string, long[]>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            var example = $"--input-shape {input.Name}={(input.Shape is null ? "1x3x224x224" : string.Join("x", input.Shape.Select(d => d.Value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "N")))}";
            if (overrides.TryGetValue(input.Name, out var given))
            {
                // A 0 dim would make an empty tensor whose layers divide by zero when lowered: sizes start at 1.
                for (var d = 0; d < given.Length; d++)
                {
                    if (given[d] < 1)
                        throw new SimInputException($"{file}: --input-shape {input.Name}: dim {d} is {given[d]} in {Shapes.Text(given)}. Fix: give sizes ≥ 1");
                }
                if (input.Shape is not null)
                {
                    if (input.Shape.Count != given.Length)
                        throw new SimInputException($"{file}: --input-shape {input.Name}={string.Join("x", given)} has rank {given.Length}, the model declares rank {input.Shape.Count} [{string.Join(",", input.Shape)}]. Fix: pass {example} with each N replaced by a size");
                    for (var d = 0; d < given.Length; d++)
                    {
                        if (input.Shape[d].Value is { } fixedDim && fixedDim != given[d])
                            throw new SimInputException($"{file}: --input-shape {input.Name}: dim {d} is {given[d]} but the model fixes it to {fixedDim}. Fix: pass {example} with each N replaced by a size");
                    }
                }
                resolved[input.Name] = given;
                continue;
            }
            if (input.Shape is null)
                throw new SimInputException($"{file}: input '{input.Name}' declares no shape. Fix: pass its shape, e.g. {example}");
            for (var d = 0; d < input.Shape.Count; d++)
            {
                if (input.Shape[d].Value is null)
                {
                    var dim = input.Shape[d].Param is { Length: > 0 } p ? $"'{p}'" : "unnamed";
                    throw new SimInputException($"{file}: input '{input.Name}' dim {d} is symbolic ({dim}) in [{string.Join(",", input.Shape)}]. Fix: pass the shape, e.g. {example} with each N replaced by a size (like --input-shape x=1x3x640x640)");
                }
            }
            resolved[input.Name] = input.Shape.Select(d => d.Value!.Value).ToArray();
        }
        foreach (var (name, shape) in resolved)
        {
            if (TensorDecoder.CountOverflows(shape))
                throw new SimInputException($"{file}: input '{name}' {Shapes.Text(shape)} holds more than 2^63 elements. Fix: pass a smaller --input-shape {name}=…");
        }
        return resolved;
    }

    /// <summary>Parses "name=1x3x640x640" (the CLI's --input-shape) into a name and dims.</summary>
    public static (string Name, long[] Dims) Parse(string text)
    {
        var eq = text.LastIndexOf('=');
        var name = eq > 0 ? text[..eq].Trim() : "";
        var dims = eq > 0 ? text[(eq + 1)..].Split('x', 'X', ',') : [];
        var parsed = new long[dims.Length];
        for (var i = 0; i < dims.Length; i++)
        {
            if (!long.TryParse(dims[i].Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out parsed[i]))
                dims = [];
        }
        if (name.Length == 0 || dims.Length == 0)
            throw new SimInputException($"--input-shape '{text}': not NAME=DIMxDIMx…. Fix: write e.g. --input-shape x=1x3x640x640");
        return (name, parsed);
    }
}
