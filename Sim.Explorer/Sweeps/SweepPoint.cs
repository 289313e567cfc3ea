using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Sim.Arch;
using Sim.Arch.Energy;
using Sim.Arch.Vector;
using Sim.Core.Hardware;
using Sim.Core.Workloads;

namespace Sim.Explorer.Sweeps;

/// <summary>
/// One design point: a workload on one fully resolved arch. <see cref="Id"/> is a hash of everything that determines
/// the result (model revision, arch, mode, the workload's ops), so a resumed or sharded run recognises finished points
/// even if the spec's other axes changed, and never reuses a point computed by an older model.
/// </summary>
public sealed record SweepPoint(int Index, string WorkloadPath, Workload Workload, ArchSpec Arch, SimMode Mode)
{
    public string Id { get; } = ComputeId(Workload, Arch, Mode);

    private static string ComputeId(Workload workload, ArchSpec arch, SimMode mode)
    {
        // Canonical text, invariant culture, round-trip doubles: the resolved cost table (not the overrides) so a
        // changed default also changes the id; the tile label names kind, shape and dataflow.
        var costs = CostResolver.Resolve(arch);
        var s = arch.Scratchpad;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $"r{TileModels.ModelRevision}|{mode}|{TileGrid.Of(arch.Tile).Label}|{arch.Costs.Variant.ToName()}");
        text.Append(CultureInfo.InvariantCulture,
            $"|costs:{costs.MacPj:R},{costs.AccumulatorPjPerByte:R},{costs.SramReadPjPerByte:R},{costs.SramWritePjPerByte:R},{costs.DramPjPerByte:R},{costs.MacAreaUm2:R},{costs.SramAreaUm2PerKb:R}");
        text.Append(CultureInfo.InvariantCulture,
            $"|spad:{s.IfmapKb:R},{s.FilterKb:R},{s.OfmapKb:R}|dram:{arch.Dram.BandwidthBytesPerCycle:R},{arch.Dram.LatencyCycles}|clock:{arch.ClockGhz:R}|word:{arch.WordBytes}|{workload.Name}");
        foreach (var op in workload.Ops)
        {
            switch (op)
            {
                case GemmOp gemmOp:
                    var g = gemmOp.ToGemm(mode);
                    text.Append(CultureInfo.InvariantCulture, $"|{op.Name}:{g.M},{g.N},{g.K}");
                    // Appended only for the fields newer than the id: a plain GEMM or dense conv keeps its old id.
                    text.Append(GemmOpExtension(gemmOp));
                    break;
                case AttentionLayer { Shape: var a } attention:
                    text.Append(CultureInfo.InvariantCulture,
                        $"|{op.Name}:attention:{a.Batch},{a.Heads},{a.KvHeads},{a.SeqQ},{a.SeqKv},{a.HeadDim},{a.Causal},{attention.Lowering.ToName()}");
                    break;
                case VectorOp v:
                    text.Append(CultureInfo.InvariantCulture,
                        $"|{op.Name}:vector:{v.Function},[{Dims(v.OutputShape)}],{v.InputElements},{v.Window},{v.ParameterElements}");
                    break;
                case OpaqueOp o:
                    text.Append(CultureInfo.InvariantCulture, $"|{op.Name}:opaque:{o.Operator},[{(o.OutputShape is null ? "?" : Dims(o.OutputShape))}]");
                    break;
                default:
                    throw new NotSupportedException($"op '{op.Name}': no id for op kind '{op.Kind}'");
            }

        }

        // The attention model and the vector unit shape attention's cost, so they join the id only when a workload has
        // attention (GEMM-only ids stay as they were).
        if (workload.Ops.OfType<AttentionLayer>().Any())
        {
            var v = arch.Vector;
            text.Append(CultureInfo.InvariantCulture,
                $"|attention-model:{Sim.Arch.Attention.AttentionModel.Revision}|vector:{v.Lanes},{v.MaxCycles},{v.AddCycles},{v.MulCycles},{v.ExpCycles},{v.PjPerOp:R}");
        }

        // Likewise the vector-op model and the vector unit, only when a workload has vector ops.
        if (workload.Ops.OfType<VectorOp>().Any())
        {
            var v = arch.Vector;
            text.Append(CultureInfo.InvariantCulture,
                $"|vector-op-model:{VectorOpModel.Revision}|vector:{v.Lanes},{v.MaxCycles},{v.AddCycles},{v.MulCycles},{v.ExpCycles},{v.PjPerOp:R}");
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }

    /// <summary>
    /// The id text of a GEMM op's fields beyond its GEMM view, empty for a plain GEMM and a dense conv (so their ids do not
    /// change): a batched GEMM's batch; a general conv's width stride, pads, dilation and groups (the loop-nest model and
    /// the graph see them even where the GEMM view does not); every field of a transposed conv.
    /// </summary>
    private static string GemmOpExtension(GemmOp op) => op switch
    {
        Gemm { Batch: not 1 } gemm => string.Create(CultureInfo.InvariantCulture, $":batch:{gemm.Batch}"),
        Conv2d { IsGeneral: true } c => string.Create(CultureInfo.InvariantCulture,
            $":conv:{c.IfmapH},{c.IfmapW},{c.FilterH},{c.FilterW},{c.Channels},{c.Filters},{c.Stride},{c.StrideW},{Pads(c.Pads)},{c.DilationH},{c.DilationW},{c.Groups},{c.Batch}"),
        ConvTranspose2d t => string.Create(CultureInfo.InvariantCulture,
            $":conv_transpose:{t.IfmapH},{t.IfmapW},{t.FilterH},{t.FilterW},{t.Channels},{t.Filters},{t.StrideH},{t.StrideW},{Pads(t.Pads)},{t.DilationH},{t.DilationW},{t.OutputPaddingH},{t.OutputPaddingW},{t.Groups},{t.Batch}"),
        _ => "",
    };

    private static string Pads(ConvPads p) => string.Create(CultureInfo.InvariantCulture, $"{p.Top},{p.Left},{p.Bottom},{p.Right}");

    private static string Dims(IReadOnlyList<long> shape) => string.Join(",", shape.Select(d => d.ToString(CultureInfo.InvariantCulture)));
}
