namespace Sim.Explorer.Import.Onnx.Inference;

/// <summary>
/// Thrown inside a shape rule when an output shape cannot be known at import time (it depends on a run-time value). The
/// driver catches it and records <see cref="Exception.Message"/> as the node's UnknownReason: data, not a failure.
/// </summary>
internal sealed class ShapeUnknownException : Exception
{
    public ShapeUnknownException(string reason) : base(reason) { }

    public ShapeUnknownException() { }

    public ShapeUnknownException(string message, Exception inner) : base(message, inner) { }
}
