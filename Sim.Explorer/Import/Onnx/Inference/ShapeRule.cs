namespace Sim.Explorer.Import.Onnx.Inference;

/// <summary>Infers a node's output types and shapes (and constant values where it can fold) into <see cref="NodeContext.Results"/>.</summary>
internal delegate void ShapeRule(NodeContext node);
