namespace Sim.Arch.Pim;

/// <summary>
/// PIM cost of one decode request's attention on its channel (all its KV sits in one channel, NeuPIMs §A.1.3).
/// Ours: <see cref="QkCycles"/> + <see cref="SvCycles"/> from <see cref="PimGemvTiming"/>. NeuPIMs' scheduler estimate
/// (Scheduler::estimate_mha_latency, constants t_gwrite = 100, t_gemv = 184): <see cref="NeuPimsQkCycles"/> +
/// <see cref="NeuPimsSvCycles"/>. The softmax between them runs on the NPU and is not counted here.
/// </summary>
public sealed record PimDecodeAttentionCost(
    long KvLength,
    int Heads,
    int HeadDim,
    long QkCycles,
    long SvCycles,
    PimGemvCounts QkCounts,
    PimGemvCounts SvCounts,
    long NeuPimsQkCycles,
    long NeuPimsSvCycles)
{
    public long Cycles => QkCycles + SvCycles;

    public long NeuPimsCycles => NeuPimsQkCycles + NeuPimsSvCycles;

    public PimGemvCounts Counts => QkCounts.Plus(SvCounts);

    public long GlobalWrites => Counts.GlobalWrites;

    public long Activates => Counts.Activates;

    public long Comps => Counts.Comps;

    public long ReadResults => Counts.ReadResults;

    public long BytesInBanks => Counts.BytesInBanks;
}
