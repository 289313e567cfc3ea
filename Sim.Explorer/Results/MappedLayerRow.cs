using System.Globalization;
using CsvHelper;
using Sim.Arch.LoopNest;
using Sim.Core.Config;
using Sim.Core.Hardware;
using Sim.Core.Mapping;

namespace Sim.Explorer.Results;

/// <summary>
/// One row of <c>sim map</c>'s per-layer table: the chosen mapping in words, the loop-nest model's figures for it, and
/// how the solver ended (status, objective, best bound, gap). Solve time is not a column: it varies run to run, and this
/// CSV must be byte-identical for the same inputs (sim map writes timings.csv separately). A layer with no mapping (infeasible, no solution
/// in time) keeps its row with the status and reason; its mapping and model columns are empty or 0.
/// <c>instances</c> (last, so older columns keep their places): a grouped conv's groups or a batched GEMM's entries;
/// dims, mapping and tile are one instance's, the model figures (latency, compute, DRAM, energy) the whole op's.
/// </summary>
[CsvRecord]
public sealed partial class MappedLayerRow
{
    [CsvColumn("layer")] public string Layer { get; set; } = "";
    [CsvColumn("op_kind")] public string OpKind { get; set; } = "";
    [CsvColumn("dims")] public string Dims { get; set; } = "";
    [CsvColumn("dataflow")] public string Dataflow { get; set; } = "";
    [CsvColumn("spatial")] public string Spatial { get; set; } = "";
    [CsvColumn("scratchpad_tile")] public string ScratchpadTile { get; set; } = "";
    [CsvColumn("latency_cycles")] public long LatencyCycles { get; set; }
    [CsvColumn("compute_cycles")] public long ComputeCycles { get; set; }
    [CsvColumn("utilization")] public double Utilization { get; set; }
    [CsvColumn("dram_bytes")] public long DramBytes { get; set; }
    [CsvColumn("energy_pj")] public double EnergyPj { get; set; }
    [CsvColumn("objective")] public string Objective { get; set; } = "";
    [CsvColumn("status")] public string Status { get; set; } = "";
    [CsvColumn("objective_value")] public double ObjectiveValue { get; set; }
    [CsvColumn("bound")] public double Bound { get; set; }
    [CsvColumn("gap_pct")] public double GapPercent { get; set; }
    [CsvColumn("reason")] public string Reason { get; set; } = "";
    [CsvColumn("instances")] public long Instances { get; set; } = 1;

    /// <param name="cost">The model's cost of <paramref name="mapping"/> for one instance; its figures (× the problem's
    /// instances) are used only when it is feasible.</param>
    public static MappedLayerRow From(LoopNestProblem problem, LoopNestMapping? mapping, LoopNestCost? cost, string objective, string status,
        double objectiveValue, double bound, double gapPercent, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var row = new MappedLayerRow
        {
            Layer = problem.Name,
            OpKind = problem.IsGemm ? "gemm" : "conv2d",
            Dims = DimsText(problem),
            Objective = objective,
            Status = status,
            ObjectiveValue = objectiveValue,
            Bound = bound,
            GapPercent = gapPercent,
            Reason = reason ?? (cost is { Feasible: false } ? cost.Reason ?? "" : ""),
            Instances = problem.Instances,
        };
        cost = cost?.Repeated(problem.Instances);
        if (mapping is not null)
        {
            row.Dataflow = mapping.Stationary.ToDataflow().ToName();
            row.Spatial = SpatialText(problem, mapping);
            row.ScratchpadTile = Extents(problem, mapping.ScratchpadTile, " ");
        }

        if (cost is { Feasible: true })
        {
            row.LatencyCycles = cost.LatencyCycles;
            row.ComputeCycles = cost.ComputeCycles;
            row.Utilization = cost.Utilization;
            row.DramBytes = cost.DramBytes;
            row.EnergyPj = cost.EnergyPj;
        }

        return row;
    }

    /// <summary>"N1 K16 C4 P8 Q8 R3 S3 /2" (stride shown when not 1; "/2x1" when the width stride differs) or
    /// "M64 N10 K1024"; " ×32" appended for 32 instances.</summary>
    public static string DimsText(LoopNestProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var dims = Extents(problem, problem.Bounds, " ");
        if (!problem.IsGemm && problem.StrideW != problem.StrideH)
            dims = string.Create(CultureInfo.InvariantCulture, $"{dims} /{problem.StrideH}x{problem.StrideW}");
        else if (!problem.IsGemm && problem.StrideH != 1)
            dims = string.Create(CultureInfo.InvariantCulture, $"{dims} /{problem.StrideH}");
        return problem.Instances == 1 ? dims : string.Create(CultureInfo.InvariantCulture, $"{dims} ×{problem.Instances}");
    }

    /// <summary>"rows C3·R7 | cols K32": the factors above 1 each array axis takes ("1" for an unused axis).</summary>
    public static string SpatialText(LoopNestProblem problem, LoopNestMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        var names = MappingYamlWriter.AxisNames(mapping.Spatial.Count);
        return string.Join(" | ", mapping.Spatial.Select((axis, i) => $"{names[i]} {Factors(problem, axis)}"));
    }

    private static string Factors(LoopNestProblem problem, DimVector factors)
    {
        var used = MappingDims.FileOrder(problem).Where(d => factors[d] > 1).ToList();
        return used.Count == 0 ? "1" : string.Join("·", used.Select(d => Term(problem, d, factors[d])));
    }

    private static string Extents(LoopNestProblem problem, DimVector extents, string separator) =>
        string.Join(separator, MappingDims.FileOrder(problem).Select(d => Term(problem, d, extents[d])));

    private static string Term(LoopNestProblem problem, LoopDim dim, long value) =>
        MappingDims.Name(problem, dim) + value.ToString(CultureInfo.InvariantCulture);
}
