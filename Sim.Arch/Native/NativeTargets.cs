namespace Sim.Arch.Native;

/// <summary>Every native target this build knows, probed on demand (a missing library or driver is reported, not thrown).</summary>
public static class NativeTargets
{
    /// <summary>One probe per target, in table order; each returns quickly when its hardware or library is absent.</summary>
    private static readonly (string Name, Func<NativeTargetProbe> Probe)[] s_probes =
    [
        (Cpu.CpuTarget.TargetName, Cpu.CpuTarget.Probe),
        (Cpu.OpenBlasTarget.TargetName, Cpu.OpenBlasTarget.Probe),
        // GPU helper adds: ("gpu", GpuTargets.ProbeCuda), ("gpu-emulated", GpuTargets.ProbeEmulated)
    ];

    public static IReadOnlyList<string> Names => [.. s_probes.Select(p => p.Name)];

    /// <summary>Probes every target. The caller disposes the targets it gets.</summary>
    public static IReadOnlyList<NativeTargetProbe> Discover() => [.. s_probes.Select(p => p.Probe())];

    /// <summary>Probes one target by name; null when no target has that name.</summary>
    public static NativeTargetProbe? Probe(string name) =>
        s_probes.Where(p => p.Name == name).Select(p => p.Probe()).FirstOrDefault();
}
