using CsvHelper;

namespace Sim.Explorer.Results;

/// <summary>Wall time of one solver call (timings.csv, the one output of <c>sim map</c> that varies run to run).</summary>
[CsvRecord]
public sealed partial class TimingRow
{
    [CsvColumn("stage")] public string Stage { get; set; } = "";
    [CsvColumn("name")] public string Name { get; set; } = "";
    [CsvColumn("seconds")] public double Seconds { get; set; }
}
