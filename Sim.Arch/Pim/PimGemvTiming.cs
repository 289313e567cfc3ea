using Sim.Core.Hardware;

namespace Sim.Arch.Pim;

/// <summary>
/// Closed-form GEMV time, NeuPIMs' estimator generalised to any <see cref="PimSpec"/> and <see cref="DramTimingSpec"/>
/// (../shared/research/pim-sparse-attn.md §A.1.3, §A.6 eq. 2–4). Per tile:
/// t = [tRP if an earlier tile left its rows open] + tFAW·(⌈acts·ActWeightInFaw/4⌉ − 1) + tRCD
///     + CompCycles·max(comps, MinCompsPerTile) + ReadoutCyclesPerResult·(readres − 1);
/// per chunk a GWRITE of ⌈BroadcastCyclesPerBuffer · chunk bytes / GlobalBufferBytes⌉ (+ tRP + tRCD when the row holding
/// the input is closed); a channel's time is the sum, the GEMV's the max over channels.
/// The precharge term is ours: NeuPIMs' estimator charges AL+tRTP per bank holding another row, which with PIM
/// precharges issued between tiles is 0; its scheduler constant (184 against the 174 here) suggests ~10 cycles.
/// </summary>
public static class PimGemvTiming
{
    /// <summary>Activate phase: tFAW windows beyond the first (ActWeightInFaw of the four ACTs each), then tRCD.</summary>
    public static long ActivateCycles(PimSpec pim, DramTimingSpec dram, int activates)
    {
        ArgumentNullException.ThrowIfNull(pim);
        ArgumentNullException.ThrowIfNull(dram);
        var windows = PimGemvLayout.DivCeil((long)activates * pim.ActWeightInFaw, 4);
        return dram.Timings.TfawCycles * Math.Max(0, windows - 1) + dram.Timings.TrcdCycles;
    }

    /// <summary>COMP phase, with NeuPIMs' pipeline-fill minimum.</summary>
    public static long ComputeCycles(PimSpec pim, int comps)
    {
        ArgumentNullException.ThrowIfNull(pim);
        return (long)pim.CompCycles * Math.Max(comps, pim.MinCompsPerTile);
    }

    /// <summary>Readout: the first READRES is covered by the last COMP's drain, each further one costs ReadoutCyclesPerResult.</summary>
    public static long ReadoutCycles(PimSpec pim, int readResults)
    {
        ArgumentNullException.ThrowIfNull(pim);
        return (long)pim.ReadoutCyclesPerResult * Math.Max(0, readResults - 1);
    }

    /// <summary>A tile with its rows closed (no precharge): the 174-cycle GPT3-7B TP4 tile.</summary>
    public static long TileCycles(PimSpec pim, DramTimingSpec dram, PimTile tile)
    {
        ArgumentNullException.ThrowIfNull(tile);
        return ActivateCycles(pim, dram, tile.Activates) + ComputeCycles(pim, tile.Comps) + ReadoutCycles(pim, tile.ReadResults);
    }

    /// <summary>GWRITE of one chunk: the broadcast pro rata of the bytes loaded, plus the input row's activation when closed.</summary>
    public static long GlobalWriteCycles(PimSpec pim, DramTimingSpec dram, PimChunk chunk, bool inputRowOpen)
    {
        ArgumentNullException.ThrowIfNull(pim);
        ArgumentNullException.ThrowIfNull(dram);
        ArgumentNullException.ThrowIfNull(chunk);
        var broadcast = PimGemvLayout.DivCeil(pim.BroadcastCyclesPerBuffer * chunk.BufferBytes, pim.GlobalBufferBytes);
        return broadcast + (inputRowOpen ? 0 : dram.Timings.TrpCycles + dram.Timings.TrcdCycles);
    }

    /// <summary>
    /// The GEMV's time. <paramref name="inputRowOpen"/>: the row holding the input vector is already open for every GWRITE
    /// (NeuPIMs' 96-cycle case); false charges tRP + tRCD per GWRITE (the 124-cycle worst case).
    /// </summary>
    public static PimGemvTime Estimate(PimGemvLayout layout, PimTileOverlap overlap = PimTileOverlap.None, bool inputRowOpen = false)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var channels = Enumerable.Range(0, layout.RowsPerChannel.Count).Select(c => Channel(layout, c, overlap, inputRowOpen)).ToList();
        return new PimGemvTime(channels, overlap);
    }

    /// <summary>
    /// §A.6 eq. 5: no schedule beats streaming every weight byte of the fullest channel through its PUs at full rate,
    /// ⌈R_c·C·ElementBytes / (PUs·LanesPerUnit·ElementBytes / CompCycles)⌉.
    /// </summary>
    public static long InternalBandwidthBoundCycles(PimGemvLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var pim = layout.Pim;
        var perCycle = (long)layout.UnitsPerChannel * pim.BytesPerComp;
        return layout.RowsPerChannel.Max(r => PimGemvLayout.DivCeil(r * layout.Shape.Cols * pim.ElementBytes * pim.CompCycles, perCycle));
    }

    private static PimChannelTime Channel(PimGemvLayout layout, int channel, PimTileOverlap overlap, bool inputRowOpen)
    {
        var (pim, dram) = (layout.Pim, layout.Dram);
        long gwrite = 0, precharge = 0, activate = 0, compute = 0, readout = 0, hidden = 0, streaming = 0;
        var first = true;
        foreach (var chunk in layout.Chunks)
        {
            if (layout.GroupsOf(channel) == 0)
                break;
            gwrite += GlobalWriteCycles(pim, dram, chunk, inputRowOpen);
            foreach (var tile in TileKinds(layout, channel, chunk))
            {
                var act = ActivateCycles(pim, dram, tile.Activates);
                var comp = ComputeCycles(pim, tile.Comps);
                var pre = dram.Timings.TrpCycles;
                for (long i = 0; i < tile.Count; i++)
                {
                    var prePaid = first ? 0 : pre;
                    precharge += prePaid;
                    activate += act;
                    compute += comp;
                    readout += ReadoutCycles(pim, tile.ReadResults);
                    streaming += (long)pim.CompCycles * tile.Comps;
                    // Overlap: this tile's precharge + activates ran behind the previous tile's COMPs.
                    if (overlap == PimTileOverlap.ActivateBehindCompute && !first)
                        hidden += prePaid + act + comp - Math.Max(comp, act + prePaid);
                    first = false;
                }
            }
        }

        var total = gwrite + precharge + activate + compute + readout - hidden;
        return total == 0 ? PimChannelTime.Zero : new PimChannelTime(total, gwrite, precharge, activate, compute, readout, hidden, streaming);
    }

    /// <summary>A chunk's tiles on one channel come in two kinds: full row groups and the (possibly partial) last one.</summary>
    private static IEnumerable<(int Activates, int Comps, int ReadResults, long Count)> TileKinds(PimGemvLayout layout, int channel, PimChunk chunk)
    {
        var groups = layout.GroupsOf(channel);
        var units = layout.UnitsPerChannel;
        var lastUsed = (int)(layout.RowsPerChannel[channel] - (groups - 1) * units);
        if (groups > 1)
            yield return (layout.ActivatesFor(units), chunk.Comps, chunk.ReadResults, groups - 1);
        yield return (layout.ActivatesFor(lastUsed), chunk.Comps, chunk.ReadResults, 1);
    }
}
