using Sim.Arch.Pim;
using Sim.Core.Hardware;
using Sim.Core.Workloads.Llm;

namespace Sim.Arch.NpuPim;

/// <summary>
/// One request's decode MHA priced by our bank-level PIM model (<see cref="PimDecodeAttention.Cost"/>: NeuPIMs' KV layout,
/// the closed-form GEMV timing of <see cref="PimGemvTiming"/> on the device's PIM and DRAM specs) instead of NeuPIMs'
/// fixed 100/184-cycle constants. Memory-clock cycles of the request's channel. With a dual row buffer the next tile's
/// activates hide behind the current tile's COMPs (<see cref="PimTileOverlap.ActivateBehindCompute"/>) only when
/// <paramref name="Overlap"/> says so; NeuPIMs' estimator does not overlap, and neither does the default.
/// Costs are memoised per KV length (a batch repeats lengths; the cost is a pure function of it).
/// </summary>
public sealed class PimModelMhaCost(PimSpec pim, DramTimingSpec dram, int heads, int headDim, PimTileOverlap overlap = PimTileOverlap.None) : IPimMhaCost
{
    private readonly Dictionary<int, PimDecodeAttentionCost> _costs = [];

    public PimTileOverlap Overlap => overlap;

    /// <summary>The cost for one device of <paramref name="model"/> on <paramref name="system"/>'s PIM (its heads per device, head dim).</summary>
    public static PimModelMhaCost For(LlmModelSpec model, NpuPimSystem system, PimTileOverlap overlap = PimTileOverlap.None)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(system);
        return new(system.Pim, system.Dram, model.HeadsPerDevice, model.HeadDim, overlap);
    }

    public long RequestCycles(int kvTokens) => Cost(kvTokens).Cycles;

    /// <summary>The layout's GWRITE and READRES bytes (<see cref="PimGemvCounts.BytesOverBus"/>).</summary>
    public long RequestBusBytes(int kvTokens) => Cost(kvTokens).Counts.BytesOverBus;

    /// <summary>The layout's bytes read inside the banks (<see cref="PimGemvCounts.BytesInBanks"/>, padding of partial tiles included).</summary>
    public long RequestBankBytes(int kvTokens) => Cost(kvTokens).Counts.BytesInBanks;

    private PimDecodeAttentionCost Cost(int kvTokens)
    {
        lock (_costs)
        {
            if (!_costs.TryGetValue(kvTokens, out var cost))
            {
                cost = PimDecodeAttention.Cost(pim, dram, kvTokens, heads, headDim, overlap);
                _costs[kvTokens] = cost;
            }

            return cost;
        }
    }
}
