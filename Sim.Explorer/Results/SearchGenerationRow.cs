using CsvHelper;

namespace Sim.Explorer.Results;

/// <summary>
/// One generation of a search on one workload (search.csv): distinct designs simulated so far, and the normalised
/// hypervolume and size of the Pareto front among them — the search's convergence curve.
/// </summary>
[CsvRecord]
public sealed partial class SearchGenerationRow
{
    [CsvColumn("workload")] public string Workload { get; set; } = "";
    [CsvColumn("generation")] public int Generation { get; set; }
    [CsvColumn("evaluations")] public int Evaluations { get; set; }
    [CsvColumn("hypervolume")] public double Hypervolume { get; set; }
    [CsvColumn("front_size")] public int FrontSize { get; set; }
}
