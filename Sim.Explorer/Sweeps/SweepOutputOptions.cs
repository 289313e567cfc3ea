namespace Sim.Explorer.Sweeps;

/// <summary>Optional outputs of a finished sweep, beside the CSVs it always writes.</summary>
/// <param name="Parquet">Also write points.parquet, layers.parquet and breakdown.parquet (same columns as the CSVs).</param>
public sealed record SweepOutputOptions(bool Parquet = false)
{
    public static SweepOutputOptions Default { get; } = new();
}
