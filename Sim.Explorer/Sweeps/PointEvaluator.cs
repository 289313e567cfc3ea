using Sim.Arch;
using Sim.Arch.Attention;
using Sim.Arch.Energy;
using Sim.Arch.Vector;
using Sim.Core.Hardware;
using Sim.Core.Workloads;
using Sim.Explorer.Analysis;
using Sim.Explorer.Results;

namespace Sim.Explorer.Sweeps;

/// <summary>
/// Runs every op of a workload on one arch, in topological order, one after another (no inter-layer overlap), and
/// sums the layers into the point's totals (costs add up: the network's energy is the sum of its layers').
/// An arch that cannot run (<see cref="TileFeasibility"/>, or an attention layer whose lowering does not fit) gives an
/// <c>infeasible</c> row with the reason and no layers. GEMMs and convolutions go to the tile model; attention layers to
/// the attention model (its GEMMs on the same tile, softmax on the vector unit); vector ops to <see cref="VectorOpModel"/>
/// (stand-alone on the vector unit, no fusion); opaque ops cost nothing (a zero row; <c>sim run</c> warns). A GEMM op of
/// several instances (groups, batch entries) is one instance through the tile model × instances. With <c>mapped</c>
/// layers (a mapping file, default mode only), GEMMs and convolutions go to the loop-nest model under the file's
/// mappings instead. SCALE-Sim mode refuses (infeasible, with the reason) ops its conventions cannot express.
/// </summary>
public static class PointEvaluator
{
    public static (PointRow Point, IReadOnlyList<LayerRow> Layers) Evaluate(string pointId, Workload workload, ArchSpec arch, SimMode mode,
        MappedLayers? mapped = null)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(arch);
        if (TileFeasibility.Problem(arch) is { } problem)
        {
            var infeasible = PointRow.Describe(pointId, workload.Name, arch, mode);
            infeasible.Status = RowStatus.Infeasible;
            infeasible.Reason = problem;
            return (infeasible, []);
        }

        var costs = CostResolver.Resolve(arch);
        var layers = new List<LayerRow>(workload.Ops.Count);
        foreach (var op in workload.Ops)
        {
            if (mode == SimMode.ScaleSim && ScaleSimProblem(op) is { } scaleSim)
            {
                var infeasible = PointRow.Describe(pointId, workload.Name, arch, mode);
                infeasible.Status = RowStatus.Infeasible;
                infeasible.Reason = scaleSim;
                return (infeasible, []);
            }

            switch (op)
            {
                case GemmOp gemmOp when mapped is not null:
                    layers.Add(mapped.Evaluate(pointId, layers.Count, gemmOp));
                    break;
                case GemmOp gemmOp:
                    // One instance through the tile model, then every count × instances (they run one after another).
                    var gemm = gemmOp.ToGemm(mode);
                    var one = TileEvaluator.Evaluate(op.Name, gemm, arch, mode, costs);
                    layers.Add(LayerRow.From(pointId, layers.Count, op, gemm, one.Repeated(gemmOp.Instances)));
                    break;
                case AttentionLayer attention:
                    var result = AttentionModel.Evaluate(attention.Shape, arch, attention.Lowering, mode);
                    if (!result.Feasible)
                    {
                        var infeasible = PointRow.Describe(pointId, workload.Name, arch, mode);
                        infeasible.Status = RowStatus.Infeasible;
                        infeasible.Reason = $"op '{op.Name}' ({attention.Lowering.ToName()} attention): {result.Reason}";
                        return (infeasible, []);
                    }

                    layers.Add(LayerRow.FromAttention(pointId, layers.Count, attention, result, arch.Tile.PeCount));
                    break;
                case VectorOp vector:
                    layers.Add(LayerRow.FromVector(pointId, layers.Count, VectorOpModel.Evaluate(vector, arch, costs)));
                    break;
                case OpaqueOp opaque:
                    layers.Add(LayerRow.FromOpaque(pointId, layers.Count, opaque));
                    break;
                default:
                    throw new NotSupportedException($"op '{op.Name}': no model for op kind '{op.Kind}'");
            }
        }

        var point = Summarize(pointId, workload.Name, arch, mode, AreaModel.Of(arch, costs), layers);
        point.Reason = OpaqueOps.Summary(workload) ?? "";
        return (point, layers);
    }

    /// <summary>
    /// Why SCALE-Sim mode cannot evaluate <paramref name="op"/>, or null. SCALE-Sim's topology rows are dense convs with
    /// one stride and uniform padding: a grouped, dilated, asymmetrically strided or padded conv, or a transposed conv,
    /// has no equivalent. A batched GEMM is its entries as separate topology rows, so it runs (× batch).
    /// </summary>
    public static string? ScaleSimProblem(Op op) => op switch
    {
        Conv2d { IsGeneral: true } c =>
            $"op '{c.Name}': SCALE-Sim mode cannot express a conv with groups {c.Groups}, dilation {c.DilationH}x{c.DilationW}, strides {c.Stride}x{c.StrideW}, pads {c.Pads} (its topology format has dense convs with one stride and uniform padding)",
        ConvTranspose2d t => $"op '{t.Name}': SCALE-Sim mode has no transposed convolution",
        _ => null,
    };

    private static PointRow Summarize(string pointId, string workloadName, ArchSpec arch, SimMode mode, AreaBreakdown area, List<LayerRow> layers)
    {
        var macs = layers.Sum(l => l.Macs);
        var compute = layers.Sum(l => l.ComputeCycles);
        var stall = layers.Sum(l => l.StallCycles);
        var latency = compute + stall;
        var dramRead = layers.Sum(l => l.DramReadsIfmap + l.DramReadsFilter + l.DramReadsOfmap);
        var dramWrite = layers.Sum(l => l.DramWritesOfmap);
        var energyPj = layers.Sum(l => l.EnergyPj);
        double pes = arch.Tile.PeCount;
        // 2 ops per MAC; latency in seconds = cycles / (GHz · 1e9), so TOPS = 2·MACs·GHz / cycles / 1e3.
        // A workload of opaque ops only takes 0 cycles: its rates are 0, not NaN (NaN would not even reach the journal).
        var tops = latency == 0 ? 0 : 2.0 * macs * arch.ClockGhz / latency / 1e3;
        var row = PointRow.Describe(pointId, workloadName, arch, mode);
        row.Status = RowStatus.Ok;
        row.Layers = layers.Count;
        row.Macs = macs;
        row.LatencyCycles = latency;
        row.ComputeCycles = compute;
        row.StallCycles = stall;
        row.LatencyUs = latency / (arch.ClockGhz * 1000.0);
        row.Utilization = latency == 0 ? 0 : macs / (pes * latency);
        row.ComputeUtilization = compute == 0 ? 0 : macs / (pes * compute);
        // Weighted by each tensor-engine layer's compute time, so the network figure means "share of PE-cycles mapped";
        // vector and opaque layers (no MACs) leave the array idle and have no mapping.
        var tensorLayers = layers.Where(l => l.Macs > 0).ToList();
        var tensorCompute = tensorLayers.Sum(l => l.ComputeCycles);
        row.MappingEfficiency = tensorCompute == 0 ? 0 : tensorLayers.Sum(l => l.MappingEfficiency * l.ComputeCycles) / tensorCompute;
        row.SramReadWords = layers.Sum(l => l.SramReadsIfmap + l.SramReadsFilter + l.SramReadsOfmap);
        row.SramWriteWords = layers.Sum(l => l.SramWritesOfmap);
        row.DramReadBytes = dramRead;
        row.DramWriteBytes = dramWrite;
        row.ArithIntensityMacsPerByte = dramRead + dramWrite == 0 ? 0 : (double)macs / (dramRead + dramWrite);
        row.EnergyPj = energyPj;
        row.EnergyMacPj = layers.Sum(l => l.EnergyMacPj);
        row.EnergyAccumulatorPj = layers.Sum(l => l.EnergyAccumulatorPj);
        row.EnergySramPj = layers.Sum(l => l.EnergySramPj);
        row.EnergyDramPj = layers.Sum(l => l.EnergyDramPj);
        row.EnergyVectorPj = layers.Sum(l => l.EnergyVectorPj);
        row.AreaMm2 = area.TotalMm2;
        row.MacAreaMm2 = area.MacMm2;
        row.Tops = tops;
        row.TopsPerMm2 = area.MacMm2 > 0 ? tops / area.MacMm2 : 0;
        row.TopsPerW = energyPj > 0 ? 2.0 * macs / energyPj : 0;
        var onChipPj = row.EnergyMacPj + row.EnergyAccumulatorPj + row.EnergySramPj + row.EnergyVectorPj;
        row.OnChipTopsPerW = onChipPj > 0 ? 2.0 * macs / onChipPj : 0;
        return row;
    }
}
