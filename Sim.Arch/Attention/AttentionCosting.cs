using Sim.Arch.Energy;
using Sim.Core.Hardware;
using Sim.Core.Workloads;
using AttentionOp = Sim.Core.Workloads.Attention;

namespace Sim.Arch.Attention;

/// <summary>
/// Shared bookkeeping of one attention evaluation: GEMMs through <see cref="TileEvaluator"/> (each distinct shape
/// once, then multiplied), passes, and the energy sums. The tile is evaluated with unlimited DRAM: its compute cycles
/// and scratchpad accesses are what the lowering uses; DRAM traffic and its time are the lowering's own (a GEMM
/// inside a fused kernel reads its operands from chip, not from DRAM).
/// </summary>
internal sealed class AttentionCosting
{
    private readonly Dictionary<GemmShape, Core.Results.OpResult> _gemms = [];
    private readonly ArchSpec _tileArch;
    private readonly SimMode _mode;
    private double _macPj, _accumulatorPj, _sramPj;
    private long _softmaxSramBytes;

    public AttentionCosting(AttentionOp attention, ArchSpec arch, SimMode mode)
    {
        (Attention, Arch, _mode) = (attention, arch, mode);
        _tileArch = arch with { Dram = DramSpec.Unlimited };
        Costs = CostResolver.Resolve(arch);
    }

    public AttentionOp Attention { get; }

    public ArchSpec Arch { get; }

    public CostTable Costs { get; }

    public long WordBytes => Arch.WordBytes;

    /// <summary>Engine work of <paramref name="count"/> GEMMs of one shape: (MACs, compute cycles); energy is added up here.</summary>
    public (long Macs, long Cycles) Gemms(GemmShape shape, long count)
    {
        if (!_gemms.TryGetValue(shape, out var r))
        {
            r = TileEvaluator.Evaluate("attention", shape, _tileArch, _mode, Costs);
            _gemms[shape] = r;
        }

        var e = r.Energy!;
        _macPj += e.MacPj * count;
        _accumulatorPj += e.AccumulatorPj * count;
        _sramPj += e.SramPj * count;
        return (checked(r.Macs * count), checked(r.ComputeCycles * count));
    }

    /// <summary>Distinct GEMM shapes evaluated so far (the sweep's speed rests on this staying small).</summary>
    public int DistinctGemms => _gemms.Count;

    public AttentionPass Pass(string name, (long Macs, long Cycles) tensor, VectorOps ops, long readBytes, long writeBytes) =>
        new(name, tensor.Macs, tensor.Cycles, ops, ops.Cycles(Arch.Vector), readBytes, writeBytes, MemoryCycles(checked(readBytes + writeBytes)));

    /// <summary>A softmax pass streams its DRAM bytes through the scratchpad once (charged at the SRAM figure).</summary>
    public AttentionPass SoftmaxPass(string name, VectorOps ops, long readBytes, long writeBytes)
    {
        _softmaxSramBytes = checked(_softmaxSramBytes + readBytes + writeBytes);
        return Pass(name, (0, 0), ops, readBytes, writeBytes);
    }

    public long MemoryCycles(long bytes) =>
        Arch.Dram.IsUnlimited ? 0 : checked((long)Math.Ceiling(bytes / Arch.Dram.BandwidthBytesPerCycle));

    public AttentionResult Result(AttentionLowering lowering, IReadOnlyList<AttentionPass> passes, long bufferNeedBytes,
        FusedBlock? block = null, bool kvResident = false)
    {
        long dramBytes = passes.Sum(p => p.DramBytes);
        long totalCycles = passes.Sum(p => p.Cycles);
        var laneCycles = passes.Aggregate(VectorOps.Zero, (sum, p) => sum + p.VectorOps).LaneCycles(Arch.Vector);
        var sramPj = _sramPj + _softmaxSramBytes * (Costs.SramReadPjPerByte + Costs.SramWritePjPerByte) / 2;
        return new AttentionResult
        {
            Attention = Attention,
            Lowering = lowering,
            Passes = passes,
            Block = block,
            KvResident = kvResident,
            BufferNeedBytes = bufferNeedBytes,
            BufferCapacityBytes = Arch.OnChipBufferBytes,
            TensorUtilization = totalCycles == 0 ? 0 : Attention.Macs / ((double)Arch.Tile.PeCount * totalCycles),
            Energy = new AttentionEnergy(_macPj, _accumulatorPj, sramPj, dramBytes * Costs.DramPjPerByte,
                laneCycles * (Arch.Vector.PjPerOp ?? Costs.MacPj)),
        };
    }

    public AttentionResult Infeasible(AttentionLowering lowering, string reason, long bufferNeedBytes) => new()
    {
        Attention = Attention,
        Lowering = lowering,
        Reason = reason,
        BufferNeedBytes = bufferNeedBytes,
        BufferCapacityBytes = Arch.OnChipBufferBytes,
    };
}
