using System.Text.Json;
using Sim.Arch.Attention;
using Sim.Core.Hardware;
using Sim.Core.Workloads;
using AttentionOp = Sim.Core.Workloads.Attention;

namespace Sim.Explorer.Cli;

/// <summary>The JSON object of <c>sim op attention --json</c>: the shape, the arch, one entry per lowering with its passes.</summary>
public static class AttentionResultJson
{
    public static string Format(AttentionOp a, ArchSpec arch, IReadOnlyList<AttentionResult> results)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(arch);
        ArgumentNullException.ThrowIfNull(results);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("batch", a.Batch);
            json.WriteNumber("heads", a.Heads);
            json.WriteNumber("kv_heads", a.KvHeads);
            json.WriteNumber("seq_q", a.SeqQ);
            json.WriteNumber("seq_kv", a.SeqKv);
            json.WriteNumber("head_dim", a.HeadDim);
            json.WriteBoolean("causal", a.Causal);
            json.WriteNumber("macs", a.Macs);
            json.WriteNumber("scores", a.Scores);
            json.WriteString("tile", TileGrid.Of(arch.Tile).Label);
            json.WriteNumber("pe_count", arch.Tile.PeCount);
            json.WriteNumber("vector_lanes", arch.Vector.Lanes);
            json.WriteNumber("word_bytes", arch.WordBytes);
            json.WriteStartArray("lowerings");
            foreach (var r in results)
                WriteResult(json, r);
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteResult(Utf8JsonWriter json, AttentionResult r)
    {
        json.WriteStartObject();
        json.WriteString("lowering", r.Lowering.ToName());
        json.WriteString("status", r.Feasible ? "ok" : "infeasible");
        json.WriteString("reason", r.Reason ?? "");
        json.WriteNumber("block_rows", r.Block?.Rows ?? 0);
        json.WriteNumber("block_cols", r.Block?.Cols ?? 0);
        json.WriteBoolean("kv_resident", r.KvResident);
        json.WriteNumber("buffer_need_bytes", r.BufferNeedBytes);
        json.WriteNumber("buffer_capacity_bytes", r.BufferCapacityBytes);
        json.WriteNumber("tensor_cycles", r.TensorCycles);
        json.WriteNumber("vector_cycles", r.VectorCycles);
        json.WriteNumber("memory_cycles", r.MemoryCycles);
        json.WriteNumber("total_cycles", r.TotalCycles);
        json.WriteNumber("dram_bytes", r.DramBytes);
        json.WriteNumber("tensor_macs", r.TensorMacs);
        json.WriteNumber("tensor_utilization", r.TensorUtilization);
        json.WriteNumber("vector_utilization", r.VectorUtilization);
        json.WriteNumber("energy_pj", r.Energy.TotalPj);
        json.WriteNumber("energy_mac_pj", r.Energy.MacPj);
        json.WriteNumber("energy_accumulator_pj", r.Energy.AccumulatorPj);
        json.WriteNumber("energy_sram_pj", r.Energy.SramPj);
        json.WriteNumber("energy_dram_pj", r.Energy.DramPj);
        json.WriteNumber("energy_vector_pj", r.Energy.VectorPj);
        json.WriteStartArray("passes");
        foreach (var p in r.Passes)
        {
            json.WriteStartObject();
            json.WriteString("pass", p.Name);
            json.WriteNumber("tensor_cycles", p.TensorCycles);
            json.WriteNumber("vector_cycles", p.VectorCycles);
            json.WriteNumber("memory_cycles", p.MemoryCycles);
            json.WriteNumber("cycles", p.Cycles);
            json.WriteNumber("dram_read_bytes", p.DramReadBytes);
            json.WriteNumber("dram_write_bytes", p.DramWriteBytes);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
