using CsvHelper;

namespace Sim.Explorer.Results;

/// <summary>
/// One row of an attention sweep's points.csv: one (shape, sequence length, lowering) on the sweep's arch.
/// <c>p.*</c> columns are the parameters; <c>dram_&lt;pass&gt;_bytes</c> is 0 for a pass the lowering does not have.
/// Infeasible points keep their row with <see cref="Status"/> and <see cref="Reason"/> and zero results.
/// </summary>
[CsvRecord]
public sealed partial class AttentionPointRow
{
    [CsvColumn("point_id")] public string PointId { get; set; } = "";
    [CsvColumn("sweep")] public string Sweep { get; set; } = "";
    [CsvColumn("status")] public string Status { get; set; } = "";
    [CsvColumn("reason")] public string Reason { get; set; } = "";
    [CsvColumn("p.shape")] public string Shape { get; set; } = "";
    [CsvColumn("p.phase")] public string Phase { get; set; } = "";
    [CsvColumn("p.batch")] public long Batch { get; set; }
    [CsvColumn("p.heads")] public long Heads { get; set; }
    [CsvColumn("p.kv_heads")] public long KvHeads { get; set; }
    [CsvColumn("p.seq_q")] public long SeqQ { get; set; }
    [CsvColumn("p.seq_kv")] public long SeqKv { get; set; }
    [CsvColumn("p.head_dim")] public long HeadDim { get; set; }
    [CsvColumn("p.causal")] public bool Causal { get; set; }
    [CsvColumn("p.lowering")] public string Lowering { get; set; } = "";
    [CsvColumn("p.fused_block")] public string FusedBlock { get; set; } = "";
    [CsvColumn("p.tile")] public string Tile { get; set; } = "";
    [CsvColumn("p.vector_lanes")] public int VectorLanes { get; set; }
    [CsvColumn("p.word_bytes")] public int WordBytes { get; set; }
    [CsvColumn("p.dram_bw_bytes_per_cycle")] public double DramBandwidthBytesPerCycle { get; set; }
    [CsvColumn("block_rows")] public long BlockRows { get; set; }
    [CsvColumn("block_cols")] public long BlockCols { get; set; }
    [CsvColumn("kv_resident")] public bool KvResident { get; set; }
    [CsvColumn("macs")] public long Macs { get; set; }
    [CsvColumn("tensor_macs")] public long TensorMacs { get; set; }
    [CsvColumn("tensor_cycles")] public long TensorCycles { get; set; }
    [CsvColumn("vector_cycles")] public long VectorCycles { get; set; }
    [CsvColumn("memory_cycles")] public long MemoryCycles { get; set; }
    [CsvColumn("latency_cycles")] public long LatencyCycles { get; set; }
    [CsvColumn("latency_us")] public double LatencyUs { get; set; }
    [CsvColumn("dram_bytes")] public long DramBytes { get; set; }
    [CsvColumn("dram_qk_bytes")] public long DramQkBytes { get; set; }
    [CsvColumn("dram_max_bytes")] public long DramMaxBytes { get; set; }
    [CsvColumn("dram_sum_bytes")] public long DramSumBytes { get; set; }
    [CsvColumn("dram_normalize_bytes")] public long DramNormalizeBytes { get; set; }
    [CsvColumn("dram_pv_bytes")] public long DramPvBytes { get; set; }
    [CsvColumn("dram_fused_bytes")] public long DramFusedBytes { get; set; }
    [CsvColumn("buffer_need_bytes")] public long BufferNeedBytes { get; set; }
    [CsvColumn("buffer_capacity_bytes")] public long BufferCapacityBytes { get; set; }
    [CsvColumn("tensor_utilization")] public double TensorUtilization { get; set; }
    [CsvColumn("vector_utilization")] public double VectorUtilization { get; set; }
    [CsvColumn("energy_pj")] public double EnergyPj { get; set; }
    [CsvColumn("energy_mac_pj")] public double EnergyMacPj { get; set; }
    [CsvColumn("energy_accumulator_pj")] public double EnergyAccumulatorPj { get; set; }
    [CsvColumn("energy_sram_pj")] public double EnergySramPj { get; set; }
    [CsvColumn("energy_dram_pj")] public double EnergyDramPj { get; set; }
    [CsvColumn("energy_vector_pj")] public double EnergyVectorPj { get; set; }
}
