using CsvHelper;

namespace Sim.Explorer.Results;

/// <summary>
/// One row of points.csv: one design point (a workload on one arch), network totals. <c>p.*</c> columns are the swept
/// parameters. Infeasible or failed points stay in the file with <see cref="Status"/> and <see cref="Reason"/>.
/// </summary>
[CsvRecord]
public sealed partial class PointRow
{
    [CsvColumn("point_id")] public string PointId { get; set; } = "";
    [CsvColumn("sweep")] public string Sweep { get; set; } = "";
    [CsvColumn("status")] public string Status { get; set; } = "";
    [CsvColumn("reason")] public string Reason { get; set; } = "";
    [CsvColumn("p.workload")] public string Workload { get; set; } = "";
    [CsvColumn("p.rows")] public int Rows { get; set; }
    [CsvColumn("p.cols")] public int Cols { get; set; }
    [CsvColumn("p.dataflow")] public string Dataflow { get; set; } = "";
    [CsvColumn("p.ifmap_kb")] public double IfmapKb { get; set; }
    [CsvColumn("p.filter_kb")] public double FilterKb { get; set; }
    [CsvColumn("p.ofmap_kb")] public double OfmapKb { get; set; }
    [CsvColumn("p.dram_bw_bytes_per_cycle")] public double DramBandwidthBytesPerCycle { get; set; }
    [CsvColumn("mode")] public string Mode { get; set; } = "";
    [CsvColumn("tile_kind")] public string TileKind { get; set; } = "";
    [CsvColumn("pe_count")] public long PeCount { get; set; }
    [CsvColumn("layers")] public int Layers { get; set; }
    [CsvColumn("macs")] public long Macs { get; set; }
    [CsvColumn("latency_cycles")] public long LatencyCycles { get; set; }
    [CsvColumn("compute_cycles")] public long ComputeCycles { get; set; }
    [CsvColumn("stall_cycles")] public long StallCycles { get; set; }
    [CsvColumn("latency_us")] public double LatencyUs { get; set; }
    [CsvColumn("utilization")] public double Utilization { get; set; }
    [CsvColumn("compute_utilization")] public double ComputeUtilization { get; set; }
    [CsvColumn("mapping_efficiency")] public double MappingEfficiency { get; set; }
    [CsvColumn("sram_read_words")] public long SramReadWords { get; set; }
    [CsvColumn("sram_write_words")] public long SramWriteWords { get; set; }
    [CsvColumn("dram_read_bytes")] public long DramReadBytes { get; set; }
    [CsvColumn("dram_write_bytes")] public long DramWriteBytes { get; set; }
    [CsvColumn("arith_intensity_macs_per_byte")] public double ArithIntensityMacsPerByte { get; set; }
    [CsvColumn("pareto")] public bool Pareto { get; set; }
}
