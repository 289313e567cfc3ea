using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sim.Explorer.Tests.Import.Onnx;

/// <summary>
/// One committed ONNX Runtime reference (scripts/onnx-reference/reference.mjs): every non-Constant node of an OCR model
/// with its ORT-observed output shapes, and MACs for Conv/ConvTranspose/MatMul/Gemm. These are the independently
/// computed numbers the importer's shapes and MACs are compared with.
/// </summary>
internal sealed record OnnxReference(
    string Generator,
    string OnnxruntimeNode,
    string Model,
    string ModelSha256,
    ReferenceInput Input,
    int NodeCount,
    int ConstantCount,
    long TotalMacs,
    IReadOnlyDictionary<string, long> MacsByOpType,
    IReadOnlyList<ReferenceNode> Nodes)
{
    /// <summary>The fixtures committed for the three OCR models, at the input shapes the regenerate script uses.</summary>
    public static IReadOnlyList<(string Model, string Shape)> Committed { get; } =
    [
        (OcrModels.Detector, "1x3x640x640"),
        (OcrModels.Recognizer, "1x3x48x320"),
        (OcrModels.Classifier, "1x3x48x192"),
    ];

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public static string Directory => Path.Combine(RepoPaths.Root, "tests", "Sim.Explorer.Tests", "Import", "Onnx", "Reference");

    /// <summary>Loads the fixture for <paramref name="modelFile"/> (e.g. <see cref="OcrModels.Detector"/>) at input shape "1x3x640x640".</summary>
    public static OnnxReference Load(string modelFile, string inputShape)
    {
        var path = Path.Combine(Directory, $"{Path.GetFileNameWithoutExtension(modelFile)}.{inputShape}.json");
        var reference = JsonSerializer.Deserialize<OnnxReference>(File.ReadAllText(path), Options)
            ?? throw new InvalidDataException($"{path} holds null");
        var shape = string.Join('x', reference.Input.Shape.Select(d => d.ToString(CultureInfo.InvariantCulture)));
        return reference.Model == modelFile && shape == inputShape
            ? reference
            : throw new InvalidDataException($"{path} describes {reference.Model} at {shape}, not {modelFile} at {inputShape}");
    }

    /// <summary>The node that produces tensor <paramref name="name"/>, or null for the graph input and Constant outputs.</summary>
    public ReferenceNode? Producer(string name) => Nodes.FirstOrDefault(n => n.Outputs.Any(o => o.Name == name));

    /// <summary>ORT's shape of <paramref name="name"/> when a listed node (or the graph input) produces it.</summary>
    public IReadOnlyList<long>? ShapeOf(string name) =>
        name == Input.Name ? Input.Shape : Producer(name)?.Outputs.Single(o => o.Name == name).Shape;
}

internal sealed record ReferenceInput(string Name, IReadOnlyList<long> Shape);

/// <summary>A non-Constant node; <see cref="Index"/> is its position in graph.node (Constants counted).</summary>
internal sealed record ReferenceNode(
    int Index,
    string Name,
    string OpType,
    IReadOnlyList<ReferenceTensor> Outputs,
    IReadOnlyList<long>? WeightShape = null,
    long? Macs = null);

internal sealed record ReferenceTensor(string Name, IReadOnlyList<long> Shape);
