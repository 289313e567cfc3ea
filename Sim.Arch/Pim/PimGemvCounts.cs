namespace Sim.Arch.Pim;

/// <summary>
/// Command and traffic counts of a GEMV (one channel's, or summed over channels). Commands are channel-level: one COMP
/// drives every PU of the channel, one READRES reads one result from every PU in one burst, one PIM activate opens
/// ActBanksPerCommand banks.
/// </summary>
/// <param name="BytesInBanks">Bytes the PUs read from their open rows (COMPs × used PUs × LanesPerUnit·ElementBytes).</param>
/// <param name="BytesOverBus">
/// Bytes on the channel's data path: GWRITE input-vector loads (padded chunk bytes) plus READRES bursts (one ElementBytes
/// result per PU of the channel, as NeuPIMs sizes them).
/// </param>
public sealed record PimGemvCounts(
    long Tiles,
    long GlobalWrites,
    long Activates,
    long Precharges,
    long Comps,
    long ReadResults,
    long BytesInBanks,
    long BytesOverBus)
{
    public static PimGemvCounts Zero { get; } = new(0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>Chunks = GWRITEs (one global-buffer load each).</summary>
    public long Chunks => GlobalWrites;

    public PimGemvCounts Plus(PimGemvCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(
            Tiles + other.Tiles, GlobalWrites + other.GlobalWrites, Activates + other.Activates, Precharges + other.Precharges,
            Comps + other.Comps, ReadResults + other.ReadResults, BytesInBanks + other.BytesInBanks, BytesOverBus + other.BytesOverBus);
    }

    public static PimGemvCounts Sum(IEnumerable<PimGemvCounts> counts) => counts.Aggregate(Zero, (a, b) => a.Plus(b));
}
