using System.Text.Json;
using Sim.Arch.Energy;
using Sim.Core.Hardware;
using Sim.Core.Results;
using Sim.Core.Workloads;

namespace Sim.Explorer.Cli;

/// <summary>
/// The JSON object of <c>sim op --json</c>. SCALE-Sim naming: ifmap = A (M×K), filter = B (K×N), ofmap = Z (M×N).
/// sram_* count words (operand elements), dram_* count bytes.
/// </summary>
public static class OpResultJson
{
    public static string Format(OpResult r, GemmShape gemm, ArchSpec arch, SimMode mode, AreaBreakdown area)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(arch);
        ArgumentNullException.ThrowIfNull(area);
        var grid = TileGrid.Of(arch.Tile);
        var energy = r.Energy ?? throw new ArgumentException("the result has no energy: evaluate it through TileEvaluator", nameof(r));
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("op", r.Op);
            json.WriteNumber("m", gemm.M);
            json.WriteNumber("n", gemm.N);
            json.WriteNumber("k", gemm.K);
            json.WriteString("tile_kind", arch.Tile.Kind);
            json.WriteString("tile", grid.Label);
            json.WriteNumber("array_rows", grid.Rows);
            json.WriteNumber("array_cols", grid.Cols);
            json.WriteNumber("array_depth", grid.Depth);
            json.WriteString("dataflow", grid.Dataflow.ToName());
            json.WriteString("pe_variant", arch.Costs.Variant.ToName());
            json.WriteNumber("pe_count", arch.Tile.PeCount);
            json.WriteString("mode", mode == SimMode.ScaleSim ? "scalesim" : "default");
            json.WriteNumber("macs", r.Macs);
            json.WriteNumber("folds", r.Folds);
            json.WriteNumber("compute_cycles", r.ComputeCycles);
            json.WriteNumber("stall_cycles", r.StallCycles);
            json.WriteNumber("total_cycles", r.TotalCycles);
            json.WriteNumber("utilization", r.Utilization);
            json.WriteNumber("compute_utilization", r.ComputeUtilization);
            json.WriteNumber("mapping_efficiency", r.MappingEfficiency);
            json.WriteNumber("sram_reads_ifmap", r.SramReadsIfmapWords);
            json.WriteNumber("sram_reads_filter", r.SramReadsFilterWords);
            json.WriteNumber("sram_writes_ofmap", r.SramWritesOfmapWords);
            json.WriteNumber("sram_reads_ofmap", r.SramReadsOfmapWords);
            json.WriteNumber("dram_reads_ifmap", r.DramReadsIfmapBytes);
            json.WriteNumber("dram_reads_filter", r.DramReadsFilterBytes);
            json.WriteNumber("dram_writes_ofmap", r.DramWritesOfmapBytes);
            json.WriteNumber("dram_reads_ofmap", r.DramReadsOfmapBytes);
            json.WriteNumber("accumulator_bytes", r.AccumulatorAccessBytes);
            json.WriteNumber("energy_pj", energy.TotalPj);
            json.WriteNumber("energy_mac_pj", energy.MacPj);
            json.WriteNumber("energy_accumulator_pj", energy.AccumulatorPj);
            json.WriteNumber("energy_sram_pj", energy.SramPj);
            json.WriteNumber("energy_dram_pj", energy.DramPj);
            json.WriteNumber("tops_per_w", 2.0 * r.Macs / energy.TotalPj);
            json.WriteNumber("mac_area_mm2", area.MacMm2);
            json.WriteNumber("area_mm2", area.TotalMm2);
            if (arch.Dram.IsUnlimited)
                json.WriteNull("dram_bandwidth_bytes_per_cycle");
            else
                json.WriteNumber("dram_bandwidth_bytes_per_cycle", arch.Dram.BandwidthBytesPerCycle);
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
