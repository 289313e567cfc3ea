using System.Globalization;
using Sim.Arch.Attention;
using Sim.Core.Hardware;
using Sim.Core.Workloads;
using Sim.Explorer.Analysis;
using Sim.Explorer.Results;

namespace Sim.Explorer.AttentionSweeps;

/// <summary>Evaluates every (shape, seq, lowering) of a spec, in spec order, into points.csv rows. Deterministic.</summary>
public static class AttentionSweepRunner
{
    public static List<AttentionPointRow> Run(AttentionSweepSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var rows = new List<AttentionPointRow>(spec.PointCount);
        foreach (var shape in spec.Shapes)
        {
            foreach (var seq in spec.Seqs)
            {
                foreach (var lowering in spec.Lowerings)
                    rows.Add(Row(spec, shape, seq, AttentionModel.Evaluate(shape.At(seq), spec.Arch, lowering, SimMode.Default, spec.FusedBlock)));
            }
        }

        return rows;
    }

    internal static AttentionPointRow Row(AttentionSweepSpec spec, AttentionShape shape, long seq, AttentionResult r)
    {
        var a = r.Attention;
        var arch = spec.Arch;
        long Pass(string name) => r.Pass(name)?.DramBytes ?? 0;
        return new AttentionPointRow
        {
            PointId = string.Create(CultureInfo.InvariantCulture, $"{shape.Name}-s{seq}-{r.Lowering.ToName()}"),
            Sweep = spec.Name,
            FusedBlock = r.Lowering == AttentionLowering.Fused ? spec.FusedBlock.ToName() : "",
            Status = r.Feasible ? RowStatus.Ok : RowStatus.Infeasible,
            Reason = r.Reason ?? "",
            Shape = shape.Name,
            Phase = shape.Phase,
            Batch = a.Batch,
            Heads = a.Heads,
            KvHeads = a.KvHeads,
            SeqQ = a.SeqQ,
            SeqKv = a.SeqKv,
            HeadDim = a.HeadDim,
            Causal = a.Causal,
            Lowering = r.Lowering.ToName(),
            Tile = TileGrid.Of(arch.Tile).Label,
            VectorLanes = arch.Vector.Lanes,
            WordBytes = arch.WordBytes,
            DramBandwidthBytesPerCycle = arch.Dram.BandwidthBytesPerCycle,
            BlockRows = r.Block?.Rows ?? 0,
            BlockCols = r.Block?.Cols ?? 0,
            KvResident = r.KvResident,
            Macs = a.Macs,
            TensorMacs = r.TensorMacs,
            TensorCycles = r.TensorCycles,
            VectorCycles = r.VectorCycles,
            MemoryCycles = r.MemoryCycles,
            LatencyCycles = r.TotalCycles,
            LatencyUs = r.TotalCycles / (arch.ClockGhz * 1000),
            DramBytes = r.DramBytes,
            DramQkBytes = Pass("qk"),
            DramMaxBytes = Pass("max"),
            DramSumBytes = Pass("sum"),
            DramNormalizeBytes = Pass("normalize"),
            DramPvBytes = Pass("pv"),
            DramFusedBytes = Pass("fused"),
            BufferNeedBytes = r.BufferNeedBytes,
            BufferCapacityBytes = r.BufferCapacityBytes,
            TensorUtilization = r.TensorUtilization,
            VectorUtilization = r.VectorUtilization,
            EnergyPj = r.Energy.TotalPj,
            EnergyMacPj = r.Energy.MacPj,
            EnergyAccumulatorPj = r.Energy.AccumulatorPj,
            EnergySramPj = r.Energy.SramPj,
            EnergyDramPj = r.Energy.DramPj,
            EnergyVectorPj = r.Energy.VectorPj,
        };
    }
}
