namespace Sim.Explorer.Import.Onnx;

/// <summary>
/// An ONNX model as read by <see cref="OnnxReader"/>. <see cref="Opsets"/> maps operator-set domain ("" for the default,
/// "ai.onnx" normalised to "") to version. <see cref="File"/> is the path it was read from (errors name it; external data
/// is resolved relative to its directory).
/// </summary>
public sealed record OnnxModel(string File, long IrVersion, IReadOnlyDictionary<string, long> Opsets, string? Producer, OnnxGraph Graph)
{
    /// <summary>The default-domain opset version, 0 when the model imports none.</summary>
    public long DefaultOpset => Opsets.TryGetValue("", out var v) ? v : 0;
}
