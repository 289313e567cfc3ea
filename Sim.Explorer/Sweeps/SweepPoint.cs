using System.Globalization;
using System.Security.Cryptography;
using System.Text;
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
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"r{Sim.Arch.TileModels.ModelRevision}|{mode}|{arch.Tile}|{arch.Costs}|{arch.Scratchpad}|{arch.Dram}|{arch.ClockGhz}|{arch.WordBytes}|{workload.Name}");
        foreach (var op in workload.Ops)
            text.Append(CultureInfo.InvariantCulture, $"|{op.Name}:{op.ToGemm(mode)}");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }
}
