namespace Sim.Core.Workloads;

/// <summary>How a vector function's work scales with its shape (see <see cref="VectorFunction.Work"/>).</summary>
public enum VectorFunctionClass
{
    /// <summary>A fixed number of ops per output element (activations, arithmetic, folded batch norm).</summary>
    Elementwise,

    /// <summary>Each output reduces a window of <c>window</c> inputs (pools, ReduceMean…): window − 1 combining ops per output.</summary>
    Reduce,

    /// <summary>Rows of <c>window</c> elements normalised in place (softmax, layer norm): ops per element plus per row.</summary>
    Normalize,

    /// <summary>Data movement only (transpose, concat, slice, resize, pad, gather, cast): no arithmetic, one lane-move per element.</summary>
    Move,
}
