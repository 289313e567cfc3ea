using CsvHelper;

namespace Sim.Explorer.Results;

/// <summary>One busy interval of the NPU or the PIM in one point's steady-state layer (long format: timeline.csv).</summary>
[CsvRecord]
public sealed partial class TimelineRow
{
    [CsvColumn("point_id")] public string PointId { get; set; } = "";
    [CsvColumn("resource")] public string Resource { get; set; } = "";
    [CsvColumn("sub_batch")] public int SubBatch { get; set; }
    [CsvColumn("label")] public string Label { get; set; } = "";
    [CsvColumn("start_cycle")] public long StartCycle { get; set; }
    [CsvColumn("end_cycle")] public long EndCycle { get; set; }
}
