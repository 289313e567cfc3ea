using CsvHelper;
using Sim.Arch.Sparse;
using Sim.Core.Hardware;
using Sim.Explorer.Analysis;

namespace Sim.Explorer.Results;

/// <summary>
/// One SpGEMM run (matrix × dataflow × merge on one sparse tile): every counter of <see cref="SpGemmResult"/>, as a
/// row of the spgemm sweep's points.csv and as the object <c>sim op spgemm --json</c> prints (same names).
/// </summary>
[CsvRecord]
public sealed partial class SpGemmRow
{
    [CsvColumn("matrix")] public string Matrix { get; set; } = "";
    [CsvColumn("a")] public string A { get; set; } = "";
    [CsvColumn("b")] public string B { get; set; } = "";
    [CsvColumn("dataflow")] public string Dataflow { get; set; } = "";
    [CsvColumn("merge")] public string Merge { get; set; } = "";
    [CsvColumn("label")] public string Label { get; set; } = "";
    [CsvColumn("status")] public string Status { get; set; } = "";
    [CsvColumn("reason")] public string Reason { get; set; } = "";
    [CsvColumn("m")] public long M { get; set; }
    [CsvColumn("k")] public long K { get; set; }
    [CsvColumn("n")] public long N { get; set; }
    [CsvColumn("nnz_a")] public long NnzA { get; set; }
    [CsvColumn("nnz_b")] public long NnzB { get; set; }
    [CsvColumn("nnz_c")] public long NnzC { get; set; }
    [CsvColumn("multiplies")] public long Multiplies { get; set; }
    [CsvColumn("compression_factor")] public double CompressionFactor { get; set; }
    [CsvColumn("partial_products")] public long PartialProducts { get; set; }
    [CsvColumn("merge_adds")] public long MergeAdds { get; set; }
    [CsvColumn("merge_steps")] public long MergeSteps { get; set; }
    [CsvColumn("accumulator_ops")] public long AccumulatorOps { get; set; }
    [CsvColumn("intersections")] public long Intersections { get; set; }
    [CsvColumn("coordinate_reads")] public long CoordinateReads { get; set; }
    [CsvColumn("partial_matrices")] public long PartialMatrices { get; set; }
    [CsvColumn("max_row_nnz_a")] public long MaxRowNnzA { get; set; }
    [CsvColumn("max_row_partials")] public long MaxRowPartials { get; set; }
    [CsvColumn("max_row_nnz_c")] public long MaxRowNnzC { get; set; }
    [CsvColumn("accumulator_max_entries")] public long AccumulatorMaxEntries { get; set; }
    [CsvColumn("accumulator_mean_entries")] public double AccumulatorMeanEntries { get; set; }
    [CsvColumn("merger_max_fibers")] public long MergerMaxFibers { get; set; }
    [CsvColumn("merger_mean_fibers")] public double MergerMeanFibers { get; set; }
    [CsvColumn("spilled_rows")] public long SpilledRows { get; set; }
    [CsvColumn("b_row_fetches")] public long BRowFetches { get; set; }
    [CsvColumn("b_column_blocks")] public long BColumnBlocks { get; set; }
    [CsvColumn("dram_read_a_bytes")] public long DramReadABytes { get; set; }
    [CsvColumn("dram_read_b_bytes")] public long DramReadBBytes { get; set; }
    [CsvColumn("dram_read_b_uncached_bytes")] public long DramReadBUncachedBytes { get; set; }
    [CsvColumn("dram_partial_bytes")] public long DramPartialBytes { get; set; }
    [CsvColumn("dram_write_c_bytes")] public long DramWriteCBytes { get; set; }
    [CsvColumn("dram_bytes")] public long DramBytes { get; set; }
    [CsvColumn("sram_read_a_bytes")] public long SramReadABytes { get; set; }
    [CsvColumn("sram_read_b_bytes")] public long SramReadBBytes { get; set; }
    [CsvColumn("sram_partial_bytes")] public long SramPartialBytes { get; set; }
    [CsvColumn("sram_write_c_bytes")] public long SramWriteCBytes { get; set; }
    [CsvColumn("pes")] public long Pes { get; set; }
    [CsvColumn("multiply_cycles")] public long MultiplyCycles { get; set; }
    [CsvColumn("merge_cycles")] public long MergeCycles { get; set; }
    [CsvColumn("compute_cycles")] public long ComputeCycles { get; set; }
    [CsvColumn("dram_cycles")] public long DramCycles { get; set; }
    [CsvColumn("multiply_phase_dram_cycles")] public long MultiplyPhaseDramCycles { get; set; }
    [CsvColumn("merge_phase_dram_cycles")] public long MergePhaseDramCycles { get; set; }
    [CsvColumn("cycles")] public long Cycles { get; set; }
    [CsvColumn("time_us")] public double TimeUs { get; set; }

    /// <summary>"inner", "outer", or "rowwise-hash" etc.: one bar per label in the sweep's plots.</summary>
    public static string LabelOf(SpGemmDataflow dataflow, SpGemmMerge? merge) =>
        merge is { } m ? $"{dataflow.ToName()}-{m.ToName()}" : dataflow.ToName();

    public static SpGemmRow From(string matrix, string a, string b, SpGemmResult r, SparseTileSpec tile)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(tile);
        return new SpGemmRow
        {
            Matrix = matrix,
            A = a,
            B = b,
            Dataflow = r.Dataflow.ToName(),
            Merge = r.Merge?.ToName() ?? "",
            Label = LabelOf(r.Dataflow, r.Merge),
            Status = r.Feasible ? RowStatus.Ok : RowStatus.Infeasible,
            Reason = r.Reason ?? "",
            M = r.M,
            K = r.K,
            N = r.N,
            NnzA = r.NnzA,
            NnzB = r.NnzB,
            NnzC = r.NnzC,
            Multiplies = r.Multiplies,
            CompressionFactor = r.NnzC == 0 ? 0 : (double)r.Multiplies / r.NnzC,
            PartialProducts = r.PartialProducts,
            MergeAdds = r.MergeAdds,
            MergeSteps = r.MergeSteps,
            AccumulatorOps = r.AccumulatorOps,
            Intersections = r.Intersections,
            CoordinateReads = r.CoordinateReads,
            PartialMatrices = r.PartialMatrices,
            MaxRowNnzA = r.MaxRowNnzA,
            MaxRowPartials = r.MaxRowPartials,
            MaxRowNnzC = r.MaxRowNnzC,
            AccumulatorMaxEntries = r.AccumulatorMaxEntries,
            AccumulatorMeanEntries = r.AccumulatorMeanEntries,
            MergerMaxFibers = r.MergerMaxFibers,
            MergerMeanFibers = r.MergerMeanFibers,
            SpilledRows = r.SpilledRows,
            BRowFetches = r.BRowFetches,
            BColumnBlocks = r.BColumnBlocks,
            DramReadABytes = r.DramReadABytes,
            DramReadBBytes = r.DramReadBBytes,
            DramReadBUncachedBytes = r.DramReadBUncachedBytes,
            DramPartialBytes = r.DramPartialBytes,
            DramWriteCBytes = r.DramWriteCBytes,
            DramBytes = r.DramBytes,
            SramReadABytes = r.SramReadABytes,
            SramReadBBytes = r.SramReadBBytes,
            SramPartialBytes = r.SramPartialBytes,
            SramWriteCBytes = r.SramWriteCBytes,
            Pes = r.Pes,
            MultiplyCycles = r.MultiplyCycles,
            MergeCycles = r.MergeCycles,
            ComputeCycles = r.ComputeCycles,
            DramCycles = r.DramCycles,
            MultiplyPhaseDramCycles = r.MultiplyPhaseDramCycles,
            MergePhaseDramCycles = r.MergePhaseDramCycles,
            Cycles = r.Cycles,
            TimeUs = r.Cycles / (tile.ClockGhz * 1000),
        };
    }
}
