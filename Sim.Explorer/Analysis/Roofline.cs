using Sim.Explorer.Results;

namespace Sim.Explorer.Analysis;

/// <summary>
/// The roofline of a machine with a compute peak (MACs per cycle: one per PE) and a DRAM bandwidth (bytes per cycle):
/// at arithmetic intensity AI (MACs per DRAM byte) it can reach at most min(peak, bandwidth · AI) MACs per cycle. The
/// ridge AI = peak / bandwidth separates memory-bound from compute-bound work.
/// </summary>
public sealed record Roofline(double PeakMacsPerCycle, double BandwidthBytesPerCycle)
{
    public double Attainable(double macsPerByte) => Math.Min(PeakMacsPerCycle, BandwidthBytesPerCycle * macsPerByte);

    public double RidgeMacsPerByte => PeakMacsPerCycle / BandwidthBytesPerCycle;

    /// <summary>The machine a point ran on: PE count and swept DRAM bandwidth.</summary>
    public static Roofline Of(PointRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new Roofline(row.PeCount, row.DramBandwidthBytesPerCycle);
    }

    /// <summary>Achieved MACs per cycle of a point (its x is <see cref="PointRow.ArithIntensityMacsPerByte"/>).</summary>
    public static double AchievedMacsPerCycle(PointRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.LatencyCycles == 0 ? 0 : (double)row.Macs / row.LatencyCycles;
    }

    /// <summary>
    /// At most <paramref name="max"/> distinct machines of <paramref name="rows"/>, in (peak, bandwidth) order; with
    /// more, evenly spaced through that order, smallest and largest kept, so the roofs span the designs shown.
    /// </summary>
    public static IReadOnlyList<Roofline> Distinct(IEnumerable<PointRow> rows, int max)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var all = rows.Select(Of).Distinct().OrderBy(r => r.PeakMacsPerCycle).ThenBy(r => r.BandwidthBytesPerCycle).ToList();
        if (all.Count <= max)
            return all;
        if (max == 1)
            return [all[^1]];
        return [.. Enumerable.Range(0, max).Select(i => all[(int)Math.Round(i * (all.Count - 1) / (double)(max - 1))])];
    }
}
