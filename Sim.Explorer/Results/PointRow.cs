using CsvHelper;
using Sim.Core.Hardware;

namespace Sim.Explorer.Results;

/// <summary>
/// One row of points.csv: one design point (a workload on one arch), network totals. <c>p.*</c> columns are the swept
/// parameters. Infeasible or failed points stay in the file with <see cref="Status"/> and <see cref="Reason"/>.
/// <c>p.rows</c>/<c>p.cols</c>/<c>p.depth</c>/<c>p.dataflow</c> describe any tile kind uniformly (see TileGrid).
/// Throughput figures are achieved, not peak: <c>tops</c> = 2·MACs per second of latency; <c>tops_per_mm2</c> divides
/// by the MAC area (the engine, scratchpads excluded, as the TPE papers compare engines); <c>tops_per_w</c> =
/// 2·MACs / energy (ops per pJ); <c>onchip_tops_per_w</c> leaves DRAM energy out (engine, accumulators, scratchpads).
/// </summary>
[CsvRecord]
public sealed partial class PointRow
{
    [CsvColumn("point_id")] public string PointId { get; set; } = "";
    [CsvColumn("sweep")] public string Sweep { get; set; } = "";
    [CsvColumn("status")] public string Status { get; set; } = "";
    [CsvColumn("reason")] public string Reason { get; set; } = "";
    [CsvColumn("p.workload")] public string Workload { get; set; } = "";
    [CsvColumn("p.tile")] public string Tile { get; set; } = "";
    [CsvColumn("p.rows")] public int Rows { get; set; }
    [CsvColumn("p.cols")] public int Cols { get; set; }
    [CsvColumn("p.depth")] public int Depth { get; set; }
    [CsvColumn("p.dataflow")] public string Dataflow { get; set; } = "";
    [CsvColumn("p.pe_variant")] public string PeVariant { get; set; } = "";
    [CsvColumn("p.ifmap_kb")] public double IfmapKb { get; set; }
    [CsvColumn("p.filter_kb")] public double FilterKb { get; set; }
    [CsvColumn("p.ofmap_kb")] public double OfmapKb { get; set; }
    [CsvColumn("p.dram_bw_bytes_per_cycle")] public double DramBandwidthBytesPerCycle { get; set; }
    [CsvColumn("p.dram_latency_cycles")] public long DramLatencyCycles { get; set; }
    [CsvColumn("p.word_bytes")] public int WordBytes { get; set; }
    [CsvColumn("p.vector_lanes")] public int VectorLanes { get; set; }
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
    [CsvColumn("energy_pj")] public double EnergyPj { get; set; }
    [CsvColumn("energy_mac_pj")] public double EnergyMacPj { get; set; }
    [CsvColumn("energy_accumulator_pj")] public double EnergyAccumulatorPj { get; set; }
    [CsvColumn("energy_sram_pj")] public double EnergySramPj { get; set; }
    [CsvColumn("energy_dram_pj")] public double EnergyDramPj { get; set; }
    [CsvColumn("energy_vector_pj")] public double EnergyVectorPj { get; set; }
    [CsvColumn("area_mm2")] public double AreaMm2 { get; set; }
    [CsvColumn("mac_area_mm2")] public double MacAreaMm2 { get; set; }
    [CsvColumn("tops")] public double Tops { get; set; }
    [CsvColumn("tops_per_mm2")] public double TopsPerMm2 { get; set; }
    [CsvColumn("tops_per_w")] public double TopsPerW { get; set; }
    [CsvColumn("onchip_tops_per_w")] public double OnChipTopsPerW { get; set; }
    [CsvColumn("pareto")] public bool Pareto { get; set; }

    /// <summary>A row with the parameter columns of <paramref name="arch"/> filled in and no results yet.</summary>
    public static PointRow Describe(string pointId, string workload, ArchSpec arch, SimMode mode)
    {
        var row = new PointRow { PointId = pointId };
        row.SetParameters(workload, arch, mode);
        return row;
    }

    /// <summary>
    /// Sets the parameter columns (p.*, mode, tile kind, PE count) from the arch. Tables call it for every journaled row
    /// with the plan's arch: a point id leaves out what cannot change a result (the vector unit of a GEMM-only workload),
    /// so a row resumed or merged from another spec's run must still show this spec's parameters.
    /// </summary>
    public void SetParameters(string workload, ArchSpec arch, SimMode mode)
    {
        ArgumentNullException.ThrowIfNull(arch);
        var grid = TileGrid.Of(arch.Tile);
        Workload = workload;
        Tile = grid.Label;
        Rows = grid.Rows;
        Cols = grid.Cols;
        Depth = grid.Depth;
        Dataflow = grid.Dataflow.ToName();
        PeVariant = arch.Costs.Variant.ToName();
        IfmapKb = arch.Scratchpad.IfmapKb;
        FilterKb = arch.Scratchpad.FilterKb;
        OfmapKb = arch.Scratchpad.OfmapKb;
        DramBandwidthBytesPerCycle = arch.Dram.BandwidthBytesPerCycle;
        DramLatencyCycles = arch.Dram.LatencyCycles;
        WordBytes = arch.WordBytes;
        VectorLanes = arch.Vector.Lanes;
        Mode = mode == SimMode.ScaleSim ? "scalesim" : "default";
        TileKind = arch.Tile.Kind;
        PeCount = arch.Tile.PeCount;
    }
}
