namespace Sim.Core.Hardware;

/// <summary>An immutable description of one compute tile; <see cref="Kind"/> selects its model (YAML <c>kind:</c>).</summary>
public abstract record TileSpec
{
    public abstract string Kind { get; }

    /// <summary>Number of MAC units; the denominator of utilization.</summary>
    public abstract long PeCount { get; }
}
