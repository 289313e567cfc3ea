namespace Sim.Core.Workloads;

/// <summary>
/// A function of the vector unit and its cost in <see cref="VectorOps"/> classes (a subtraction is an add, a
/// reciprocal/exp/log/sqrt/erf an exp-class op, a compare or clamp a max). <see cref="PerElement"/> is charged once per
/// output element, <see cref="PerReduced"/> once per combining step of a reduction (window − 1 per output),
/// <see cref="PerRow"/> once per normalised row.
/// </summary>
public sealed record VectorFunction(string Name, VectorFunctionClass Class, VectorOps PerElement, VectorOps PerReduced, VectorOps PerRow,
    string Meaning)
{
    /// <summary>Total ops for <paramref name="outputElements"/> outputs; <paramref name="window"/> is the reduced window
    /// (Reduce) or the row length (Normalize), 1 otherwise.</summary>
    public VectorOps Work(long outputElements, long window) => Class switch
    {
        VectorFunctionClass.Elementwise => PerElement.Times(outputElements),
        VectorFunctionClass.Reduce => PerElement.Times(outputElements) + PerReduced.Times(checked(outputElements * (window - 1))),
        VectorFunctionClass.Normalize => PerElement.Times(outputElements) + PerRow.Times(outputElements / window),
        VectorFunctionClass.Move => VectorOps.Zero,
        _ => throw new ArgumentOutOfRangeException(nameof(outputElements)),
    };
}
