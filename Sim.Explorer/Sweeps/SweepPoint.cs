using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Sim.Arch;
using Sim.Arch.Energy;
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
                    break;
                case AttentionLayer { Shape: var a } attention:
                    text.Append(CultureInfo.InvariantCulture,
                        $"|{op.Name}:attention:{a.Batch},{a.Heads},{a.KvHeads},{a.SeqQ},{a.SeqKv},{a.HeadDim},{a.Causal},{attention.Lowering.ToName()}");
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

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }
}
