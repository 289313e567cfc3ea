using Sim.Arch.Native;

namespace Sim.Explorer.Verify;

/// <summary>Where verify finds native targets: the <see cref="NativeTargets"/> registry, or a test's doubles.</summary>
public sealed record VerifyTargetSource(IReadOnlyList<string> Names, Func<string, NativeTargetProbe?> Probe)
{
    public static VerifyTargetSource Registry { get; } = new(NativeTargets.Names, NativeTargets.Probe);
}
