using CsvHelper;

namespace Sim.Explorer.Results;

/// <summary>One block of a scratchpad allocation (long format: allocation.csv): a tensor's residency run or an
/// operator's working buffer, in steps [start, end) and bytes [address, address + size).</summary>
[CsvRecord]
public sealed partial class AllocationRow
{
    [CsvColumn("method")] public string Method { get; set; } = "";
    [CsvColumn("block")] public string Block { get; set; } = "";
    [CsvColumn("kind")] public string Kind { get; set; } = "";
    [CsvColumn("start_step")] public int StartStep { get; set; }
    [CsvColumn("end_step")] public int EndStep { get; set; }
    [CsvColumn("address_bytes")] public long AddressBytes { get; set; }
    [CsvColumn("size_bytes")] public long SizeBytes { get; set; }
}
