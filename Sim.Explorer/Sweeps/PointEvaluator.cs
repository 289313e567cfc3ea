using Sim.Arch;
using Sim.Core.Hardware;
using Sim.Core.Workloads;
using Sim.Explorer.Results;

namespace Sim.Explorer.Sweeps;

/// <summary>
/// Runs every op of a workload on one arch, in topological order, one after another (no inter-layer overlap), and
/// sums the layers into the point's totals.
/// </summary>
public static class PointEvaluator
{
    public static (PointRow Point, IReadOnlyList<LayerRow> Layers) Evaluate(string pointId, Workload workload, ArchSpec arch, SimMode mode)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(arch);
        var model = TileModels.For(arch.Tile);
        var layers = new List<LayerRow>(workload.Ops.Count);
        foreach (var op in workload.Ops)
        {
            var gemm = op.ToGemm(mode);
            layers.Add(LayerRow.From(pointId, layers.Count, op, gemm, model.Evaluate(op.Name, gemm, arch, mode)));
        }

        return (Summarize(pointId, workload.Name, arch, mode, layers), layers);
    }

    private static PointRow Summarize(string pointId, string workloadName, ArchSpec arch, SimMode mode, List<LayerRow> layers)
    {
        var tile = (SystolicSpec)arch.Tile;
        var macs = layers.Sum(l => l.Macs);
        var compute = layers.Sum(l => l.ComputeCycles);
        var stall = layers.Sum(l => l.StallCycles);
        var latency = compute + stall;
        var dramRead = layers.Sum(l => l.DramReadsIfmap + l.DramReadsFilter + l.DramReadsOfmap);
        var dramWrite = layers.Sum(l => l.DramWritesOfmap);
        double pes = tile.PeCount;
        return new PointRow
        {
            PointId = pointId,
            Status = "ok",
            Workload = workloadName,
            Rows = tile.Rows,
            Cols = tile.Cols,
            Dataflow = tile.Dataflow.ToName(),
            IfmapKb = arch.Scratchpad.IfmapKb,
            FilterKb = arch.Scratchpad.FilterKb,
            OfmapKb = arch.Scratchpad.OfmapKb,
            DramBandwidthBytesPerCycle = arch.Dram.BandwidthBytesPerCycle,
            Mode = mode == SimMode.ScaleSim ? "scalesim" : "default",
            TileKind = tile.Kind,
            PeCount = tile.PeCount,
            Layers = layers.Count,
            Macs = macs,
            LatencyCycles = latency,
            ComputeCycles = compute,
            StallCycles = stall,
            LatencyUs = latency / (arch.ClockGhz * 1000.0),
            Utilization = macs / (pes * latency),
            ComputeUtilization = macs / (pes * compute),
            // Weighted by each layer's compute time, so the network figure means "share of PE-cycles mapped".
            MappingEfficiency = layers.Sum(l => l.MappingEfficiency * l.ComputeCycles) / compute,
            SramReadWords = layers.Sum(l => l.SramReadsIfmap + l.SramReadsFilter + l.SramReadsOfmap),
            SramWriteWords = layers.Sum(l => l.SramWritesOfmap),
            DramReadBytes = dramRead,
            DramWriteBytes = dramWrite,
            ArithIntensityMacsPerByte = dramRead + dramWrite == 0 ? 0 : (double)macs / (dramRead + dramWrite),
        };
    }
}
