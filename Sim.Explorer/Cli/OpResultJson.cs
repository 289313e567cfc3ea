using System.Text.Json;
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
    public static string Format(OpResult r, GemmShape gemm, ArchSpec arch, SimMode mode)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(arch);
        var tile = (SystolicSpec)arch.Tile;
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("op", r.Op);
            json.WriteNumber("m", gemm.M);
            json.WriteNumber("n", gemm.N);
            json.WriteNumber("k", gemm.K);
            json.WriteNumber("array_rows", tile.Rows);
            json.WriteNumber("array_cols", tile.Cols);
            json.WriteString("dataflow", tile.Dataflow.ToName());
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
            if (arch.Dram.IsUnlimited)
                json.WriteNull("dram_bandwidth_bytes_per_cycle");
            else
                json.WriteNumber("dram_bandwidth_bytes_per_cycle", arch.Dram.BandwidthBytesPerCycle);
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
