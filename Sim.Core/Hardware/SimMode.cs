namespace Sim.Core.Hardware;

/// <summary>
/// Counting conventions. <see cref="ScaleSim"/> reproduces SCALE-Sim v2 exactly (every fold pays the full-array
/// fill/drain, the total is one less than the demand-matrix length, convolution outputs round up).
/// <see cref="Default"/> is more physical: a fold whose last columns are idle does not wait for operands to cross
/// them (results still leave at the bottom edge, so every fold pays the full height), there is no −1, and
/// convolution output sizes round down as frameworks compute them.
/// </summary>
public enum SimMode
{
    Default,
    ScaleSim,
}
