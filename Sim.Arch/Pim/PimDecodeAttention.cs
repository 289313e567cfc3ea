using Sim.Core.Hardware;

namespace Sim.Arch.Pim;

/// <summary>
/// NeuPIMs' decode-attention mapping for one request (KV length L, h heads on this device, head dim d), on one channel
/// (../shared/research/pim-sparse-attn.md §A.1.3; NeuPIMs PIMGEMV.cc, NeuPIMSAttend.cc):
/// <list type="bullet">
/// <item>q·Kᵀ: token t's keys of every head fill one row of bank t mod banks (<c>_key_period = banks</c>), so it is one
/// segmented GEMV of L rows × h·d with a segment per head (<see cref="QkShape"/>): chunks = ⌈h·d/page⌉, tiles per chunk
/// = ⌈L/banks⌉, a READRES per head in a row.</item>
/// <item>S·V: V is stored transposed with tokens along rows (<c>_value_period = page</c>): per head a GEMV of d rows ×
/// L, logits broadcast a page of tokens at a time (<see cref="SvShape"/>), h of them.</item>
/// </list>
/// </summary>
public static class PimDecodeAttention
{
    /// <summary>NeuPIMs Scheduler.cc constants.</summary>
    public const long NeuPimsGlobalWriteCycles = 100;

    public const long NeuPimsGemvTileCycles = 184;

    public static PimGemvShape QkShape(long kvLength, int heads, int headDim) => new(kvLength, (long)heads * headDim, headDim);

    public static PimGemvShape SvShape(long kvLength, int headDim) => PimGemvShape.Plain(headDim, kvLength);

    public static PimDecodeAttentionCost Cost(
        PimSpec pim, DramTimingSpec dram, long kvLength, int heads, int headDim,
        PimTileOverlap overlap = PimTileOverlap.None, bool inputRowOpen = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(kvLength, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(heads, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(headDim, 1);
        var qk = PimGemvLayout.Create(pim, dram, QkShape(kvLength, heads, headDim), 1);
        var sv = PimGemvLayout.Create(pim, dram, SvShape(kvLength, headDim), 1);
        // A GEMV's closed form starts with closed rows. Inside a request each of its 1 + heads GEMVs finds the rows of the
        // GEMV before it open — q·Kᵀ the previous request's last S·V tile, the first S·V q·Kᵀ's last tile, each later S·V
        // the previous head's — so it first precharges that tile's activate groups: tRP, hidden behind COMPs when the
        // tile model overlaps activates (ActivateBehindCompute).
        var trp = overlap == PimTileOverlap.ActivateBehindCompute ? 0 : dram.Timings.TrpCycles;
        var qkLast = qk.Tiles(0).Last().Activates;
        var svLast = sv.Tiles(0).Last().Activates;
        var qkOne = qk.Total;
        var qkCounts = qkOne with { Precharges = qkOne.Precharges + svLast };
        var svOne = sv.Total;
        var svCounts = new PimGemvCounts(
            svOne.Tiles * heads, svOne.GlobalWrites * heads, svOne.Activates * heads,
            (svOne.Precharges * heads) + qkLast + ((heads - 1) * svLast), svOne.Comps * heads,
            svOne.ReadResults * heads, svOne.BytesInBanks * heads, svOne.BytesOverBus * heads);
        var (neuQk, neuSv) = NeuPimsEstimate(dram, pim, kvLength, heads, headDim);
        return new PimDecodeAttentionCost(
            kvLength, heads, headDim,
            PimGemvTiming.Estimate(qk, overlap, inputRowOpen).Cycles + trp,
            (PimGemvTiming.Estimate(sv, overlap, inputRowOpen).Cycles + trp) * heads,
            qkCounts, svCounts, neuQk, neuSv);
    }

    /// <summary>
    /// Scheduler::estimate_mha_latency: QK chunks = ⌈h·d/page⌉, tiles = ⌈L/banks⌉; SV chunks = ⌈L/page⌉·h, tiles = ⌈d/banks⌉;
    /// each costs chunks·100 + chunks·tiles·184 (page = RowBytes/ElementBytes elements).
    /// </summary>
    public static (long Qk, long Sv) NeuPimsEstimate(DramTimingSpec dram, PimSpec pim, long kvLength, int heads, int headDim)
    {
        ArgumentNullException.ThrowIfNull(dram);
        ArgumentNullException.ThrowIfNull(pim);
        long page = dram.RowBytes / pim.ElementBytes, banks = dram.BanksPerChannel;
        var qkChunks = PimGemvLayout.DivCeil((long)heads * headDim, page);
        var qkTiles = PimGemvLayout.DivCeil(kvLength, banks);
        var svChunks = PimGemvLayout.DivCeil(kvLength, page) * heads;
        var svTiles = PimGemvLayout.DivCeil(headDim, banks);
        return (qkChunks * NeuPimsGlobalWriteCycles + qkChunks * qkTiles * NeuPimsGemvTileCycles,
            svChunks * NeuPimsGlobalWriteCycles + svChunks * svTiles * NeuPimsGemvTileCycles);
    }
}
