using CsvHelper;

namespace Sim.Explorer.Results;

/// <summary>
/// One row of breakdown.csv (long/tidy format): one component of one metric of one ok design point. A metric's
/// components add up to its points.csv total (latency_cycles = compute + stall, energy_pj = mac + accumulator + sram +
/// dram + vector, dram_read_bytes + dram_write_bytes, sram_read_words + sram_write_words; latency_by_op_kind splits
/// latency_cycles by the layers' op kind). <c>share</c> is the component over that total, 0 when the total is 0.
/// No status column: only ok points have a breakdown (an infeasible or failed point has no costs to split).
/// </summary>
[CsvRecord]
public sealed partial class BreakdownRow
{
    [CsvColumn("point_id")] public string PointId { get; set; } = "";
    [CsvColumn("workload")] public string Workload { get; set; } = "";
    [CsvColumn("metric")] public string Metric { get; set; } = "";
    [CsvColumn("component")] public string Component { get; set; } = "";
    [CsvColumn("value")] public double Value { get; set; }
    [CsvColumn("unit")] public string Unit { get; set; } = "";
    [CsvColumn("share")] public double Share { get; set; }
}
