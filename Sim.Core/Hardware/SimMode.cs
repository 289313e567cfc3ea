namespace Sim.Core.Hardware;

/// <summary>
/// Cycle-counting convention. <see cref="ScaleSim"/> reproduces SCALE-Sim v2 exactly (every fold pays the
/// full-array fill/drain, and the reported total is one less than the demand-matrix length).
/// <see cref="Default"/> is more physical: a partial fold's fill/drain spans only its active rows and
/// columns, and there is no −1.
/// </summary>
public enum SimMode
{
    Default,
    ScaleSim,
}
