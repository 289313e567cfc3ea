namespace Sim.Explorer.Import.Onnx;

/// <summary>Where an external-data initializer's bytes live: <see cref="Location"/> relative to the model file's directory.</summary>
public sealed record OnnxExternalData(string Location, long Offset, long? Length);
