using CsvHelper;
using Sim.Arch.Attention;
using Sim.Arch.Vector;
using Sim.Core.Results;
using Sim.Core.Workloads;

namespace Sim.Explorer.Results;

/// <summary>
/// One row of layers.csv: one op of one design point. Counts use SCALE-Sim's ifmap/filter/ofmap naming.
/// <c>instances</c> (the last column, so the older ones keep their places): how many independent GEMMs of the row's
/// m, n, k the op is (a grouped conv's groups, a batched GEMM's entries); macs, cycles, counts and energy are the whole
/// op's, utilization and mapping efficiency one GEMM's (all alike). 1 for every other op.
/// </summary>
[CsvRecord]
public sealed partial class LayerRow
{
    [CsvColumn("point_id")] public string PointId { get; set; } = "";
    [CsvColumn("layer_index")] public int LayerIndex { get; set; }
    [CsvColumn("layer")] public string Layer { get; set; } = "";
    [CsvColumn("op_kind")] public string OpKind { get; set; } = "";
    [CsvColumn("m")] public long M { get; set; }
    [CsvColumn("n")] public long N { get; set; }
    [CsvColumn("k")] public long K { get; set; }
    [CsvColumn("macs")] public long Macs { get; set; }
    [CsvColumn("folds")] public long Folds { get; set; }
    [CsvColumn("compute_cycles")] public long ComputeCycles { get; set; }
    [CsvColumn("stall_cycles")] public long StallCycles { get; set; }
    [CsvColumn("total_cycles")] public long TotalCycles { get; set; }
    [CsvColumn("utilization")] public double Utilization { get; set; }
    [CsvColumn("compute_utilization")] public double ComputeUtilization { get; set; }
    [CsvColumn("mapping_efficiency")] public double MappingEfficiency { get; set; }
    [CsvColumn("sram_reads_ifmap")] public long SramReadsIfmap { get; set; }
    [CsvColumn("sram_reads_filter")] public long SramReadsFilter { get; set; }
    [CsvColumn("sram_writes_ofmap")] public long SramWritesOfmap { get; set; }
    [CsvColumn("sram_reads_ofmap")] public long SramReadsOfmap { get; set; }
    [CsvColumn("dram_reads_ifmap")] public long DramReadsIfmap { get; set; }
    [CsvColumn("dram_reads_filter")] public long DramReadsFilter { get; set; }
    [CsvColumn("dram_writes_ofmap")] public long DramWritesOfmap { get; set; }
    [CsvColumn("dram_reads_ofmap")] public long DramReadsOfmap { get; set; }
    [CsvColumn("accumulator_bytes")] public long AccumulatorBytes { get; set; }
    [CsvColumn("energy_pj")] public double EnergyPj { get; set; }
    [CsvColumn("energy_mac_pj")] public double EnergyMacPj { get; set; }
    [CsvColumn("energy_accumulator_pj")] public double EnergyAccumulatorPj { get; set; }
    [CsvColumn("energy_sram_pj")] public double EnergySramPj { get; set; }
    [CsvColumn("energy_dram_pj")] public double EnergyDramPj { get; set; }
    [CsvColumn("energy_vector_pj")] public double EnergyVectorPj { get; set; }
    [CsvColumn("instances")] public long Instances { get; set; } = 1;

    /// <param name="gemm">One instance's GEMM; <paramref name="r"/> the whole op's result (every instance).</param>
    public static LayerRow From(string pointId, int index, Op op, GemmShape gemm, OpResult r)
    {
        ArgumentNullException.ThrowIfNull(op);
        ArgumentNullException.ThrowIfNull(r);
        var energy = r.Energy ?? throw new ArgumentException($"op '{op.Name}' has no energy: evaluate it through TileEvaluator", nameof(r));
        return new LayerRow
        {
            PointId = pointId,
            LayerIndex = index,
            Layer = op.Name,
            OpKind = op.Kind,
            M = gemm.M,
            N = gemm.N,
            K = gemm.K,
            Macs = r.Macs,
            Folds = r.Folds,
            ComputeCycles = r.ComputeCycles,
            StallCycles = r.StallCycles,
            TotalCycles = r.TotalCycles,
            Utilization = r.Utilization,
            ComputeUtilization = r.ComputeUtilization,
            MappingEfficiency = r.MappingEfficiency,
            SramReadsIfmap = r.SramReadsIfmapWords,
            SramReadsFilter = r.SramReadsFilterWords,
            SramWritesOfmap = r.SramWritesOfmapWords,
            SramReadsOfmap = r.SramReadsOfmapWords,
            DramReadsIfmap = r.DramReadsIfmapBytes,
            DramReadsFilter = r.DramReadsFilterBytes,
            DramWritesOfmap = r.DramWritesOfmapBytes,
            DramReadsOfmap = r.DramReadsOfmapBytes,
            AccumulatorBytes = r.AccumulatorAccessBytes,
            EnergyPj = energy.TotalPj,
            EnergyMacPj = energy.MacPj,
            EnergyAccumulatorPj = energy.AccumulatorPj,
            EnergySramPj = energy.SramPj,
            EnergyDramPj = energy.DramPj,
            Instances = op is GemmOp g ? g.Instances : 1,
        };
    }

    /// <summary>
    /// A vector op's row: op_kind vector, m, n, k, macs and folds 0, utilization and mapping efficiency 0 (the tensor
    /// engine is idle); the lanes' operand reads in sram_reads_ifmap (inputs) and sram_reads_filter (parameters), their
    /// result writes in sram_writes_ofmap (words); DRAM input reads in dram_reads_ifmap, parameter reads in
    /// dram_reads_filter, output writes in dram_writes_ofmap; the lanes' energy in energy_vector_pj. As for the engines'
    /// rows, the SRAM word counts are the compute unit's own operand reads and result writes: the DRAM fills and drains
    /// through the scratchpad (one SRAM write per byte read from DRAM, one read per byte written) are charged in
    /// energy_sram_pj but not counted in these columns.
    /// </summary>
    public static LayerRow FromVector(string pointId, int index, VectorOpResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new LayerRow
        {
            PointId = pointId,
            LayerIndex = index,
            Layer = r.Op.Name,
            OpKind = r.Op.Kind,
            ComputeCycles = r.ComputeCycles,
            StallCycles = r.StallCycles,
            TotalCycles = r.TotalCycles,
            SramReadsIfmap = r.Op.InputElements,
            SramReadsFilter = r.Op.ParameterElements,
            SramWritesOfmap = r.Op.OutputElements,
            DramReadsIfmap = r.DramReadInputBytes,
            DramReadsFilter = r.DramReadParameterBytes,
            DramWritesOfmap = r.DramWriteBytes,
            EnergyPj = r.EnergyPj,
            EnergySramPj = r.SramPj,
            EnergyDramPj = r.DramPj,
            EnergyVectorPj = r.VectorPj,
        };
    }

    /// <summary>An opaque op's row: op_kind opaque and every figure 0 (no model; <c>sim run</c> warns about it).</summary>
    public static LayerRow FromOpaque(string pointId, int index, OpaqueOp op)
    {
        ArgumentNullException.ThrowIfNull(op);
        return new LayerRow { PointId = pointId, LayerIndex = index, Layer = op.Name, OpKind = op.Kind };
    }

    /// <summary>
    /// An attention layer's row: no single GEMM (m, n, k, folds 0), no per-operand SRAM word counts (their energy is in
    /// energy_sram_pj); DRAM reads all land in dram_reads_ifmap and writes in dram_writes_ofmap. Per pass, the time
    /// the engines need (max of tensor and vector cycles) is compute, the rest of a DRAM-bound pass is stall.
    /// Mapping efficiency is the tile's, over attention's GEMMs (weighted by their compute cycles).
    /// </summary>
    public static LayerRow FromAttention(string pointId, int index, AttentionLayer op, AttentionResult r, long peCount)
    {
        ArgumentNullException.ThrowIfNull(op);
        ArgumentNullException.ThrowIfNull(r);
        var compute = r.ComputeCycles;
        var total = r.TotalCycles;
        var macs = r.Attention.Macs;
        return new LayerRow
        {
            PointId = pointId,
            LayerIndex = index,
            Layer = op.Name,
            OpKind = op.Kind,
            Macs = macs,
            ComputeCycles = compute,
            StallCycles = total - compute,
            TotalCycles = total,
            Utilization = total == 0 ? 0 : macs / ((double)peCount * total),
            ComputeUtilization = compute == 0 ? 0 : macs / ((double)peCount * compute),
            MappingEfficiency = r.TensorMappingEfficiency,
            DramReadsIfmap = r.Passes.Sum(p => p.DramReadBytes),
            DramWritesOfmap = r.Passes.Sum(p => p.DramWriteBytes),
            EnergyPj = r.Energy.TotalPj,
            EnergyMacPj = r.Energy.MacPj,
            EnergyAccumulatorPj = r.Energy.AccumulatorPj,
            EnergySramPj = r.Energy.SramPj,
            EnergyDramPj = r.Energy.DramPj,
            EnergyVectorPj = r.Energy.VectorPj,
        };
    }
}
