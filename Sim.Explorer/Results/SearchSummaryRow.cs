using CsvHelper;

namespace Sim.Explorer.Results;

/// <summary>
/// What a search found on one workload (search_summary.csv). The grid columns are filled only with
/// <c>reference: grid</c>: the grid's Pareto front (distinct objective vectors), how many of those the search reached,
/// and the search's hypervolume as a share of the grid's (both normalised by the grid's objective ranges).
/// </summary>
[CsvRecord]
public sealed partial class SearchSummaryRow
{
    [CsvColumn("workload")] public string Workload { get; set; } = "";
    [CsvColumn("objectives")] public string Objectives { get; set; } = "";
    [CsvColumn("evaluations")] public int Evaluations { get; set; }
    [CsvColumn("front_size")] public int FrontSize { get; set; }
    [CsvColumn("hypervolume")] public double Hypervolume { get; set; }
    [CsvColumn("grid_points")] public int? GridPoints { get; set; }
    [CsvColumn("evaluations_saved")] public int? EvaluationsSaved { get; set; }
    [CsvColumn("grid_front_size")] public int? GridFrontSize { get; set; }
    [CsvColumn("grid_front_found")] public int? GridFrontFound { get; set; }
    [CsvColumn("recall")] public double? Recall { get; set; }
    [CsvColumn("grid_hypervolume")] public double? GridHypervolume { get; set; }
    [CsvColumn("hypervolume_ratio")] public double? HypervolumeRatio { get; set; }
}
