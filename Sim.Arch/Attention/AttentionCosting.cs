using Sim.Arch.Energy;
using Sim.Arch.Vector;
using Sim.Core.Hardware;
using Sim.Core.Workloads;
using AttentionOp = Sim.Core.Workloads.Attention;

namespace Sim.Arch.Attention;

/// <summary>
/// Shared bookkeeping of one attention evaluation: GEMMs through <see cref="TileEvaluator"/> (each distinct shape
/// once, then multiplied), passes, and the energy sums. The tile is evaluated with unlimited DRAM: its compute cycles,
/// its operand reads and result writes in the scratchpad, and (for the unfused lowerings' stand-alone GEMMs, via
/// <see cref="GemmTraffic"/>) its DRAM bytes under its own re-fetch rules are what the lowering uses; DRAM time is the
/// lowering's (a GEMM inside a fused kernel reads its operands from chip, not from DRAM).
/// <para>SRAM energy, counted once per byte moved: the engines' operand reads and result writes (the tile's own
/// counts, without its fills and drains); every DRAM byte read is written into the scratchpad once (fill) and every
/// DRAM byte written is read from it once (drain); the vector unit reads its inputs from and writes its outputs to the
/// scratchpad (<see cref="VectorSram"/>).</para>
/// </summary>
internal sealed class AttentionCosting
{
    private readonly Dictionary<GemmShape, Core.Results.OpResult> _gemms = [];
    private readonly ArchSpec _tileArch;
    private readonly SimMode _mode;
    private double _macPj, _accumulatorPj, _engineSramPj, _mappedPeCycles;
    private long _engineCycles;
    private long _vectorSramReadBytes, _vectorSramWriteBytes;

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
        var r = Evaluated(shape);
        var e = r.Energy!;
        _macPj += e.MacPj * count;
        _accumulatorPj += e.AccumulatorPj * count;
        _engineSramPj += EngineSramPj(r) * count;
        _mappedPeCycles += r.MappingEfficiency * r.ComputeCycles * count;
        _engineCycles = checked(_engineCycles + (r.ComputeCycles * count));
        return (checked(r.Macs * count), checked(r.ComputeCycles * count));
    }

    /// <summary>
    /// DRAM bytes (read, written) of <paramref name="count"/> stand-alone GEMMs of one shape under the tile's own
    /// re-fetch rules (an operand that does not fit its scratchpad is fetched again per fold that needs it; spilled
    /// partial sums go out and back).
    /// </summary>
    public (long ReadBytes, long WriteBytes) GemmTraffic(GemmShape shape, long count)
    {
        var r = Evaluated(shape);
        return (checked((r.DramReadsIfmapBytes + r.DramReadsFilterBytes + r.DramReadsOfmapBytes) * count), checked(r.DramWritesOfmapBytes * count));
    }

    /// <summary>The vector unit reads <paramref name="readBytes"/> from and writes <paramref name="writeBytes"/> to the scratchpad.</summary>
    public void VectorSram(long readBytes, long writeBytes)
    {
        _vectorSramReadBytes = checked(_vectorSramReadBytes + readBytes);
        _vectorSramWriteBytes = checked(_vectorSramWriteBytes + writeBytes);
    }

    private Core.Results.OpResult Evaluated(GemmShape shape)
    {
        if (!_gemms.TryGetValue(shape, out var r))
        {
            r = TileEvaluator.Evaluate("attention", shape, _tileArch, _mode, Costs);
            _gemms[shape] = r;
        }

        return r;
    }

    /// <summary>The tile's scratchpad energy without its fills and drains (the lowering's DRAM traffic sets those).</summary>
    private double EngineSramPj(Core.Results.OpResult r) =>
        EnergyModel.Of(r with { DramReadsIfmapBytes = 0, DramReadsFilterBytes = 0, DramReadsOfmapBytes = 0, DramWritesOfmapBytes = 0 },
            _tileArch, Costs, TileEvaluator.PartialSumBytes(_tileArch, _mode)).SramPj;

    public AttentionPass Pass(string name, (long Macs, long Cycles) tensor, VectorOps ops, long readBytes, long writeBytes) =>
        new(name, tensor.Macs, tensor.Cycles, ops, ops.Cycles(Arch.Vector), readBytes, writeBytes, MemoryCycles(checked(readBytes + writeBytes)));

    /// <summary>A softmax pass streams its DRAM bytes through the scratchpad: the vector unit reads what was filled and writes what is drained.</summary>
    public AttentionPass SoftmaxPass(string name, VectorOps ops, long readBytes, long writeBytes)
    {
        VectorSram(readBytes, writeBytes);
        return Pass(name, (0, 0), ops, readBytes, writeBytes);
    }

    /// <summary>
    /// A lane op's energy: the vector unit's own figure, else the tile kind's MAC energy before any PE-variant factor
    /// (a bit-weight or EN-T multiplier array does not make the softmax unit cheaper).
    /// </summary>
    private double VectorPjPerOp => VectorUnitEnergy.PjPerOp(Arch);

    public long MemoryCycles(long bytes) =>
        Arch.Dram.IsUnlimited ? 0 : checked((long)Math.Ceiling(bytes / Arch.Dram.BandwidthBytesPerCycle));

    public AttentionResult Result(AttentionLowering lowering, IReadOnlyList<AttentionPass> passes, long bufferNeedBytes,
        FusedBlock? block = null, bool kvResident = false)
    {
        long dramBytes = passes.Sum(p => p.DramBytes);
        long totalCycles = passes.Sum(p => p.Cycles);
        var laneCycles = passes.Aggregate(VectorOps.Zero, (sum, p) => sum + p.VectorOps).LaneCycles(Arch.Vector);
        long dramReads = passes.Sum(p => p.DramReadBytes), dramWrites = passes.Sum(p => p.DramWriteBytes);
        var sramPj = _engineSramPj
            + (_vectorSramReadBytes + dramWrites) * Costs.SramReadPjPerByte
            + (_vectorSramWriteBytes + dramReads) * Costs.SramWritePjPerByte;
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
            TensorMappingEfficiency = _engineCycles == 0 ? 0 : _mappedPeCycles / _engineCycles,
            Energy = new AttentionEnergy(_macPj, _accumulatorPj, sramPj, dramBytes * Costs.DramPjPerByte,
                laneCycles * VectorPjPerOp),
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
