using Sim.Explorer.Results;

namespace Sim.Explorer.Analysis;

/// <summary>The catalogue of <see cref="PointMetric"/>s: every numeric result column of points.csv, by column name.</summary>
public static class PointMetrics
{
    public static readonly PointMetric PeCount = new("pe_count", "PEs", true, r => r.PeCount);
    public static readonly PointMetric LatencyCycles = new("latency_cycles", "cycles", true, r => r.LatencyCycles);
    public static readonly PointMetric EnergyPj = new("energy_pj", "pJ", true, r => r.EnergyPj);

    public static IReadOnlyList<PointMetric> All { get; } =
    [
        PeCount,
        LatencyCycles,
        new("compute_cycles", "cycles", true, r => r.ComputeCycles),
        new("stall_cycles", "cycles", true, r => r.StallCycles),
        new("latency_us", "µs", true, r => r.LatencyUs),
        new("utilization", "fraction", false, r => r.Utilization),
        new("compute_utilization", "fraction", false, r => r.ComputeUtilization),
        new("mapping_efficiency", "fraction", false, r => r.MappingEfficiency),
        new("sram_read_words", "words", true, r => r.SramReadWords),
        new("sram_write_words", "words", true, r => r.SramWriteWords),
        new("dram_read_bytes", "B", true, r => r.DramReadBytes),
        new("dram_write_bytes", "B", true, r => r.DramWriteBytes),
        new("dram_bytes", "B", true, r => r.DramReadBytes + r.DramWriteBytes),
        new("arith_intensity_macs_per_byte", "MACs/B", false, r => r.ArithIntensityMacsPerByte),
        EnergyPj,
        new("energy_mac_pj", "pJ", true, r => r.EnergyMacPj),
        new("energy_accumulator_pj", "pJ", true, r => r.EnergyAccumulatorPj),
        new("energy_sram_pj", "pJ", true, r => r.EnergySramPj),
        new("energy_dram_pj", "pJ", true, r => r.EnergyDramPj),
        new("energy_vector_pj", "pJ", true, r => r.EnergyVectorPj),
        new("edp_pj_cycles", "pJ·cycles", true, r => r.EnergyPj * r.LatencyCycles),
        new("area_mm2", "mm²", true, r => r.AreaMm2),
        new("mac_area_mm2", "mm²", true, r => r.MacAreaMm2),
        new("tops", "TOPS", false, r => r.Tops),
        new("tops_per_mm2", "TOPS/mm²", false, r => r.TopsPerMm2),
        new("tops_per_w", "TOPS/W", false, r => r.TopsPerW),
        new("onchip_tops_per_w", "TOPS/W", false, r => r.OnChipTopsPerW),
    ];

    public static PointMetric? Find(string name) =>
        All.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.Ordinal));
}
