namespace Sim.Explorer.Import.Onnx;

/// <summary>What a tensor is in the graph, for lowering (what occupies memory, what is only a parameter).</summary>
public enum TensorRole
{
    /// <summary>Computed at run time from the graph inputs (occupies memory while live).</summary>
    Activation,

    /// <summary>An initializer or Constant-node tensor that some computing node reads as data (conv weights, biases...).</summary>
    Weight,

    /// <summary>A known small value used only as a parameter (a Reshape target, Slice starts...) or computed by a folded node.</summary>
    Constant,

    /// <summary>A graph input (not an initializer).</summary>
    GraphInput,
}
