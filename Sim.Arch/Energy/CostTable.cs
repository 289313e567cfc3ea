namespace Sim.Arch.Energy;

/// <summary>
/// The resolved energy-per-action and area-per-unit figures of one arch (Accelergy's ERT and ART in one record):
/// the tile kind's defaults, the arch's overrides, then the PE variant's factors on the MAC figures.
/// </summary>
public sealed record CostTable(
    double MacPj,
    double AccumulatorPjPerByte,
    double SramReadPjPerByte,
    double SramWritePjPerByte,
    double DramPjPerByte,
    double MacAreaUm2,
    double SramAreaUm2PerKb);
