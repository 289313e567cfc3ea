using CsvHelper;

namespace Sim.Explorer.Results;

/// <summary>One decode step of one batch through an LLM on an NPU+PIM device in one mode: a row of the neupims sweep's points.csv.</summary>
[CsvRecord]
public sealed partial class NeuPimsPointRow
{
    [CsvColumn("point_id")] public string PointId { get; set; } = "";
    [CsvColumn("sweep")] public string Sweep { get; set; } = "";
    [CsvColumn("status")] public string Status { get; set; } = "";
    [CsvColumn("reason")] public string Reason { get; set; } = "";
    [CsvColumn("model")] public string Model { get; set; } = "";
    [CsvColumn("tp")] public int TensorParallel { get; set; }
    [CsvColumn("pp")] public int PipelineStages { get; set; }
    [CsvColumn("layers_per_device")] public int LayersPerDevice { get; set; }
    [CsvColumn("kv")] public string Kv { get; set; } = "";
    [CsvColumn("batch")] public int Batch { get; set; }
    [CsvColumn("kv_mean_tokens")] public double KvMeanTokens { get; set; }
    [CsvColumn("kv_max_tokens")] public int KvMaxTokens { get; set; }
    [CsvColumn("mode")] public string Mode { get; set; } = "";
    [CsvColumn("sub_batched")] public bool SubBatched { get; set; }
    [CsvColumn("pim")] public string Pim { get; set; } = "";
    [CsvColumn("pim_cost")] public string PimCost { get; set; } = "";
    [CsvColumn("npu_dram_bytes_per_cycle")] public double NpuDramBytesPerCycle { get; set; }
    [CsvColumn("layer_cycles")] public long LayerCycles { get; set; }
    [CsvColumn("model_cycles")] public long ModelCycles { get; set; }
    [CsvColumn("qkv_cycles")] public long QkvCycles { get; set; }
    [CsvColumn("mha_cycles")] public long MhaCycles { get; set; }
    [CsvColumn("proj_ffn_cycles")] public long ProjFfnCycles { get; set; }
    [CsvColumn("npu_utilization")] public double NpuUtilization { get; set; }
    [CsvColumn("pim_utilization")] public double PimUtilization { get; set; }
    [CsvColumn("npu_bus_bytes")] public long NpuBusBytes { get; set; }
    [CsvColumn("pim_bus_bytes")] public long PimBusBytes { get; set; }
    [CsvColumn("pim_max_channel_cycles")] public long PimMaxChannelCycles { get; set; }
    [CsvColumn("pim_mean_channel_cycles")] public double PimMeanChannelCycles { get; set; }
    [CsvColumn("weight_bytes")] public long WeightBytes { get; set; }
    [CsvColumn("kv_bytes")] public long KvBytes { get; set; }
    [CsvColumn("capacity_bytes")] public long CapacityBytes { get; set; }
    [CsvColumn("tokens_per_s")] public double TokensPerSecond { get; set; }
    [CsvColumn("tokens_per_s_per_device")] public double TokensPerSecondPerDevice { get; set; }
    [CsvColumn("energy_layer_pj")] public double EnergyLayerPj { get; set; }
    [CsvColumn("energy_npu_mac_pj")] public double EnergyNpuMacPj { get; set; }
    [CsvColumn("energy_npu_dram_pj")] public double EnergyNpuDramPj { get; set; }
    [CsvColumn("energy_pim_bank_pj")] public double EnergyPimBankPj { get; set; }
    [CsvColumn("energy_pim_alu_pj")] public double EnergyPimAluPj { get; set; }
    [CsvColumn("energy_pim_bus_pj")] public double EnergyPimBusPj { get; set; }
    [CsvColumn("energy_per_token_uj")] public double EnergyPerTokenUj { get; set; }
    [CsvColumn("speedup_vs_npu_only")] public double SpeedupVsNpuOnly { get; set; }
    [CsvColumn("speedup_vs_blocked")] public double SpeedupVsBlocked { get; set; }
    [CsvColumn("energy_saving_vs_npu_only")] public double EnergySavingVsNpuOnly { get; set; }
}
